package io.multitune.cli.run;

import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.KafkaSettings;
import java.util.Map;

/**
 * A {@code run} subcommand: reaches Kafka as {@link KafkaSettings#fromEnvironment()} says and finds reports as
 * {@link ReportLocation#fromEnvironment()} says, unless a test set them.
 */
abstract class RunAction extends CommandSupport.Action {
    /** The help text on where the commands find Kafka and the reports. */
    static final String ENVIRONMENT_HELP = "Kafka: env KAFKA_BOOTSTRAP_SERVERS (and KAFKA_SECURITY_PROTOCOL, "
            + "KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_TRUSTSTORE_LOCATION, "
            + "KAFKA_SSL_TRUSTSTORE_PASSWORD, KAFKA_SSL_TRUSTSTORE_TYPE), else the local broker (./multitune "
            + "broker start; localhost:9092).";
    static final String REPORTS_HELP = "Reports: a path under env MULTITUNE_ARTIFACT_ROOT (default "
            + ".multitune/artifacts in the repository) when that folder is on this machine, and a URL of the "
            + "evaluator at env MULTITUNE_EVALUATOR_URL (default http://localhost:8084).";

    /** Kafka client settings; null: from the environment. */
    Map<String, Object> connection;
    /** Where reports are; null: from the environment. */
    ReportLocation reports;

    Map<String, Object> connection() {
        return connection != null ? connection : KafkaSettings.fromEnvironment().clientConfig();
    }

    ReportLocation reports() {
        return reports != null ? reports : ReportLocation.fromEnvironment();
    }
}
