package io.multitune.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders helm/multitune with helm-java and parses the manifests into typed objects. */
final class Chart {

    static final String RELEASE = "mt";
    static final String NAMESPACE = "ml";
    static final String PREFIX = "mt-multitune-";

    /** Service name -> HTTP port (quarkus.http.port of each service). */
    static final Map<String, Integer> PORTS = Map.of(
            "data-ingest", 8081, "sampler", 8082, "trainer", 8083, "evaluator", 8084, "bias-auditor", 8085);

    /** Service name -> env prefix of its @ConfigMapping. */
    static final Map<String, String> CONFIG_PREFIX = Map.of(
            "data-ingest", "MULTITUNE_INGEST_", "sampler", "MULTITUNE_SAMPLER_", "trainer", "MULTITUNE_TRAINER_",
            "evaluator", "MULTITUNE_EVALUATOR_", "bias-auditor", "MULTITUNE_AUDITOR_");

    static final List<String> TOPICS = List.of(
            "multitune.data.raw", "multitune.data.dlq", "multitune.examples", "multitune.datasets", "multitune.runs",
            "multitune.batches", "multitune.jobs", "multitune.training", "multitune.evaluations", "multitune.audits");

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        // Registered by hand: the Strimzi model carries no fabric8 @Group/@Version for every served version.
        SERIALIZATION.registerKubernetesResource("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class);
        SERIALIZATION.registerKubernetesResource("kafka.strimzi.io/v1beta2", "KafkaTopic", KafkaTopic.class);
    }

    private static final Pattern DOC_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private Chart() {
    }

    static Path dir() {
        String prop = System.getProperty("multitune.chart.dir");
        Path p = prop != null ? Path.of(prop) : Path.of("../../helm/multitune");
        return p.toAbsolutePath().normalize();
    }

    static Path values(String name) {
        try {
            return Path.of(Objects.requireNonNull(Chart.class.getResource("/values/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Helm helm() {
        if (!Files.isRegularFile(dir().resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + dir());
        }
        return new Helm(dir());
    }

    /** helm template with the given values files (none: the chart's defaults). */
    static String template(String... valuesFiles) {
        TemplateCommand cmd = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        for (String f : valuesFiles) {
            cmd = cmd.withValuesFile(values(f));
        }
        return cmd.call();
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : DOC_SEPARATOR.split(manifests)) {
            boolean hasContent = doc.lines().anyMatch(l -> !l.isBlank() && !l.trim().startsWith("#"));
            if (!hasContent) {
                continue;
            }
            KubernetesResource r = SERIALIZATION.unmarshal(doc);
            if (!(r instanceof HasMetadata)) {
                throw new IllegalStateException("not a Kubernetes object: " + doc);
            }
            out.add((HasMetadata) r);
        }
        return out;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static List<HasMetadata> ofKind(List<HasMetadata> all, String kind) {
        return all.stream().filter(r -> kind.equals(r.getKind())).collect(Collectors.toList());
    }
}
