package io.multitune.cli.ingest;

import io.multitune.cli.common.CliException;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code multitune ingest --spec SPEC FILE}: sends a data file to the raw topic as one dataset import and,
 * with {@code --wait}, prints the dataset's profile. Exit codes: 0 ok, 2 bad input, 3 broker unreachable,
 * 4 timeout waiting for the profile.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Send a data file to Kafka (" + io.multitune.events.Topics.DATA_RAW + ") as one dataset "
                + "import: the spec, the records (cut at record boundaries), then an end marker.",
                "Kafka: env KAFKA_BOOTSTRAP_SERVERS (and KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), "
                        + "else the local broker (./multitune broker start; localhost:9092)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sent (and, with --wait, profiled)", "2:bad input (spec or file)",
                "3:Kafka broker unreachable", "4:timed out waiting for the profile"})
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "The dataset spec, JSON or YAML (.yaml/.yml).")
    Path specFile;

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file, in the spec's format.")
    Path file;

    @Option(names = "--dataset", paramLabel = "ID", description = "Dataset id; overrides the spec's datasetId.")
    String datasetId;

    @Option(names = "--records-per-message", paramLabel = "N", defaultValue = "100",
            description = "Most records in one Kafka message (default: ${DEFAULT-VALUE}).")
    int recordsPerMessage;

    @Option(names = "--no-end", description = "Do not send the end marker (more files of this dataset follow).")
    boolean noEnd;

    @Option(names = "--wait", description = "Wait for the dataset's complete profile and print it.")
    boolean waitForProfile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "How long --wait waits for the profile (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        ConsoleProgress progress = null;
        try (IngestClient client = IngestClient.fromEnvironment()) {
            if (recordsPerMessage < 1) {
                throw IngestException.badInput("--records-per-message must be at least 1, got " + recordsPerMessage);
            }
            if (waitForProfile && noEnd) {
                throw IngestException.badInput("--wait needs the end marker: data-ingest emits the complete profile "
                        + "on end; drop --no-end");
            }
            DatasetSpec spec = SpecFiles.read(specFile);
            if (datasetId != null && !datasetId.isBlank()) {
                spec = SpecFiles.withDatasetId(spec, datasetId.trim());
            }
            SpecFiles.validate(spec, "spec " + specFile);
            progress = ConsoleProgress.forStderr(spec.datasetId());
            IngestOptions opts = IngestOptions.defaults().withRecordsPerMessage(recordsPerMessage)
                    .withSendEnd(!noEnd).withProgress(progress);
            IngestResult result = client.send(spec, file, opts);
            System.out.println(result.summaryLine());
            if (waitForProfile) {
                DatasetProfiled profile = client.awaitProfile(spec.datasetId(), result.startedAt(), timeout);
                System.out.print(ProfileTable.render(List.of(profile)));
                if (profile.counts() != null && !profile.counts().addUp()) {
                    System.err.println("multitune ingest: dataset " + spec.datasetId()
                            + ": the profile's counts do not add up");
                    return IngestException.FAILED;
                }
            }
            return 0;
        } catch (IngestException e) {
            if (progress != null) {
                progress.abandon();
            }
            System.err.println("multitune ingest: " + e.getMessage());
            return e.exitCode();
        } catch (CliException e) {
            System.err.println("multitune ingest: " + e.getMessage());
            return e.exitCode();
        }
    }
}
