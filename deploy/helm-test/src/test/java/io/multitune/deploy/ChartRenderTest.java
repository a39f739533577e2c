package io.multitune.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartRenderTest {

    private static List<HasMetadata> defaults;
    private static List<HasMetadata> gpu;
    private static List<HasMetadata> secured;

    @BeforeAll
    static void render() {
        defaults = Chart.parse(Chart.template());
        gpu = Chart.parse(Chart.template("gpu-strimzi-monitor.yaml"));
        secured = Chart.parse(Chart.template("secured.yaml"));
    }

    private static Map<String, Deployment> deployments(List<HasMetadata> all) {
        return Chart.ofType(all, Deployment.class).stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getLabels().get("app.kubernetes.io/component"),
                        Function.identity()));
    }

    private static Container container(Deployment d) {
        assertEquals(1, d.getSpec().getTemplate().getSpec().getContainers().size());
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    @Test
    void lintStrictPasses() {
        LintResult result = Chart.helm().lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void clientOnlyDryRunInstallRenders() {
        Release release = Chart.helm().install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .dryRun().clientOnly().debug().call();
        assertEquals(Chart.RELEASE, release.getName());
        assertEquals("pending-install", release.getStatus());
        // NOTES.txt rendered, naming every service.
        Chart.PORTS.forEach((name, port) -> assertTrue(
                release.getOutput().contains(Chart.PREFIX + name + ":" + port), release.getOutput()));
    }

    @Test
    void fiveDeploymentsAndServicesWithTheirPorts() {
        for (List<HasMetadata> all : List.of(defaults, gpu, secured)) {
            Map<String, Deployment> deps = deployments(all);
            assertEquals(Chart.PORTS.keySet(), deps.keySet());
            Map<String, Service> svcs = Chart.ofType(all, Service.class).stream()
                    .collect(Collectors.toMap(s -> s.getMetadata().getName(), Function.identity()));
            assertEquals(5, svcs.size());
            Chart.PORTS.forEach((name, port) -> {
                Deployment d = deps.get(name);
                assertEquals(Chart.PREFIX + name, d.getMetadata().getName());
                Container c = container(d);
                assertEquals(port, c.getPorts().get(0).getContainerPort());
                assertEquals(String.valueOf(port), env(c).get("QUARKUS_HTTP_PORT").getValue());
                Service s = svcs.get(Chart.PREFIX + name);
                assertNotNull(s, name);
                assertEquals(port, s.getSpec().getPorts().get(0).getPort());
                assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
                assertEquals(d.getSpec().getSelector().getMatchLabels(), s.getSpec().getSelector());
                assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(s.getSpec().getSelector().entrySet()));
            });
        }
    }

    @Test
    void probesOnQuarkusHealth() {
        deployments(defaults).forEach((name, d) -> {
            Container c = container(d);
            assertProbe(c.getStartupProbe(), "/q/health/started");
            assertProbe(c.getLivenessProbe(), "/q/health/live");
            assertProbe(c.getReadinessProbe(), "/q/health/ready");
        });
    }

    private static void assertProbe(Probe p, String path) {
        assertNotNull(p);
        assertEquals(path, p.getHttpGet().getPath());
        assertEquals("http", p.getHttpGet().getPort().getStrVal());
    }

    @Test
    void hardenedSecurityContextAndWritableDirs() {
        deployments(defaults).forEach((name, d) -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name);
            assertTrue(pod.getSecurityContext().getRunAsUser() > 0, name);
            Container c = container(d);
            assertEquals(Boolean.TRUE, c.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), name);
            assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), name);
            Map<String, String> mounts = c.getVolumeMounts().stream()
                    .collect(Collectors.toMap(m -> m.getName(), m -> m.getMountPath()));
            assertEquals("/tmp", mounts.get("tmp"));
            Map<String, EnvVar> env = env(c);
            assertEquals(env.get("DJL_CACHE_DIR").getValue(), mounts.get("djl-cache"));
            assertEquals("true", env.get("DJL_OFFLINE").getValue());
            assertEquals("true", env.get("OPT_OUT_TRACKING").getValue());
            assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY").getValue());
            Map<String, Volume> volumes = pod.getVolumes().stream()
                    .collect(Collectors.toMap(Volume::getName, Function.identity()));
            assertNotNull(volumes.get("tmp").getEmptyDir());
            assertNotNull(volumes.get("djl-cache").getEmptyDir());
            assertNotNull(c.getResources().getRequests().get("memory"), name);
            assertNotNull(c.getResources().getLimits().get("memory"), name);
        });
    }

    @Test
    void sharedConfigMapCarriesKafkaAndArtifactRoot() {
        List<ConfigMap> cms = Chart.ofType(defaults, ConfigMap.class);
        assertEquals(1, cms.size());
        ConfigMap cm = cms.get(0);
        assertEquals("multitune-kafka-bootstrap:9092", cm.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("/var/lib/multitune/artifacts", cm.getData().get("MULTITUNE_ARTIFACT_ROOT"));
        deployments(defaults).forEach((name, d) -> assertEquals(cm.getMetadata().getName(),
                container(d).getEnvFrom().get(0).getConfigMapRef().getName()));
    }

    @Test
    void cpuTrainerByDefault() {
        Deployment trainer = deployments(defaults).get("trainer");
        assertEquals(1, trainer.getSpec().getReplicas());
        assertNull(container(trainer).getResources().getLimits().get("nvidia.com/gpu"));
        assertTrue(trainer.getSpec().getTemplate().getSpec().getNodeSelector() == null
                || trainer.getSpec().getTemplate().getSpec().getNodeSelector().isEmpty());
        assertFalse(env(container(trainer)).containsKey("GOMP_SPINCOUNT"), "OpenMP threads sleep at once by default");
    }

    @Test
    void trainerGpuLimitsTolerationsNodeSelectorAndReplicasFromValues() {
        Deployment trainer = deployments(gpu).get("trainer");
        assertEquals(3, trainer.getSpec().getReplicas());
        PodSpec pod = trainer.getSpec().getTemplate().getSpec();
        assertEquals(new Quantity("2"), container(trainer).getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(new Quantity("32Gi"), container(trainer).getResources().getLimits().get("memory"));
        assertEquals(Map.of("nvidia.com/gpu.present", "true"), pod.getNodeSelector());
        Toleration t = pod.getTolerations().get(0);
        assertEquals("nvidia.com/gpu", t.getKey());
        assertEquals("Exists", t.getOperator());
        assertEquals("NoSchedule", t.getEffect());
        assertNotNull(pod.getAffinity().getPodAntiAffinity());
        assertEquals("metadata.name",
                env(container(trainer)).get("MULTITUNE_TRAINER_REPLICA").getValueFrom().getFieldRef().getFieldPath());
        assertEquals("10000", env(container(trainer)).get("GOMP_SPINCOUNT").getValue());
        assertEquals("PASSIVE", env(container(trainer)).get("OMP_WAIT_POLICY").getValue());
        // Only the trainer asks for GPUs.
        deployments(gpu).forEach((name, d) -> {
            if (!name.equals("trainer")) {
                assertNull(container(d).getResources().getLimits().get("nvidia.com/gpu"), name);
                List<Toleration> tol = d.getSpec().getTemplate().getSpec().getTolerations();
                assertTrue(tol == null || tol.isEmpty(), name);
            }
        });
    }

    @Test
    void artifactVolumeIsAReadWriteManyClaimMountedWhereNeeded() {
        List<PersistentVolumeClaim> pvcs = Chart.ofType(defaults, PersistentVolumeClaim.class);
        assertEquals(1, pvcs.size());
        PersistentVolumeClaim pvc = pvcs.get(0);
        assertEquals(List.of("ReadWriteMany"), pvc.getSpec().getAccessModes());
        assertArtifactMounts(defaults, pvc.getMetadata().getName());
    }

    @Test
    void existingClaimIsUsedInsteadOfANewOne() {
        assertTrue(Chart.ofType(secured, PersistentVolumeClaim.class).isEmpty());
        assertArtifactMounts(secured, "shared-artifacts");
    }

    private static void assertArtifactMounts(List<HasMetadata> all, String claim) {
        Set<String> mounting = Set.of("trainer", "evaluator", "bias-auditor");
        deployments(all).forEach((name, d) -> {
            Optional<Volume> v = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(x -> x.getName().equals("artifacts")).findFirst();
            Optional<String> mount = container(d).getVolumeMounts().stream()
                    .filter(m -> m.getName().equals("artifacts")).map(m -> m.getMountPath()).findFirst();
            if (mounting.contains(name)) {
                assertEquals(claim, v.orElseThrow().getPersistentVolumeClaim().getClaimName(), name);
                assertEquals(Optional.of("/var/lib/multitune/artifacts"), mount, name);
            } else {
                assertTrue(v.isEmpty() && mount.isEmpty(), name);
            }
        });
    }

    @Test
    void noStrimziTopicsByDefaultAndServicesProvisionTopics() {
        assertTrue(Chart.ofKind(defaults, "KafkaTopic").isEmpty());
        deployments(defaults).forEach((name, d) -> assertEquals("true",
                env(container(d)).get(Chart.CONFIG_PREFIX.get(name) + "PROVISION_TOPICS").getValue(), name));
    }

    @Test
    void strimziTopicsForEveryTopicWithExamplesCompacted() {
        Map<String, KafkaTopic> topics = Chart.ofType(gpu, KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), Function.identity()));
        assertEquals(Set.copyOf(Chart.TOPICS), topics.keySet());
        topics.forEach((name, t) -> {
            assertEquals("prod-kafka", t.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertEquals(3, t.getSpec().getReplicas());
            Object policy = t.getSpec().getConfig().get("cleanup.policy");
            assertEquals(name.equals("multitune.examples") ? "compact" : "delete", policy, name);
        });
        assertEquals(12, topics.get("multitune.batches").getSpec().getPartitions());
        assertEquals(3600000L, ((Number) topics.get("multitune.batches").getSpec().getConfig().get("retention.ms")).longValue());
        assertEquals(6, topics.get("multitune.runs").getSpec().getPartitions());
        assertEquals(86400000L, ((Number) topics.get("multitune.runs").getSpec().getConfig().get("retention.ms")).longValue());
        assertEquals(-1L, ((Number) topics.get("multitune.examples").getSpec().getConfig().get("retention.ms")).longValue());
        deployments(gpu).forEach((name, d) -> assertEquals("false",
                env(container(d)).get(Chart.CONFIG_PREFIX.get(name) + "PROVISION_TOPICS").getValue(), name));
    }

    @Test
    void serviceMonitorOnlyWhenEnabled() {
        assertTrue(Chart.ofKind(defaults, "ServiceMonitor").isEmpty());
        List<HasMetadata> sms = Chart.ofKind(gpu, "ServiceMonitor");
        assertEquals(1, sms.size());
        GenericKubernetesResource sm = (GenericKubernetesResource) sms.get(0);
        assertEquals("monitoring.coreos.com/v1", sm.getApiVersion());
        assertEquals("prometheus", sm.getMetadata().getLabels().get("release"));
        List<Map<String, Object>> endpoints = sm.get("spec", "endpoints");
        assertEquals("/q/metrics", endpoints.get(0).get("path"));
        assertEquals("http", endpoints.get(0).get("port"));
    }

    @Test
    void secretsOnlyThroughSecretKeyRefs() {
        for (List<HasMetadata> all : List.of(defaults, gpu, secured)) {
            assertTrue(Chart.ofType(all, Secret.class).isEmpty(), "the chart must not create Secrets");
            for (Deployment d : Chart.ofType(all, Deployment.class)) {
                for (EnvVar e : container(d).getEnv()) {
                    if (e.getName().matches(".*(PASSWORD|JAAS|SECRET|TOKEN).*")) {
                        assertNull(e.getValue(), e.getName());
                        assertNotNull(e.getValueFrom().getSecretKeyRef(), e.getName());
                    }
                }
            }
            for (ConfigMap cm : Chart.ofType(all, ConfigMap.class)) {
                assertTrue(cm.getData().keySet().stream().noneMatch(k -> k.matches(".*(PASSWORD|JAAS).*")));
            }
        }
        Map<String, EnvVar> env = env(container(deployments(secured).get("evaluator")));
        assertEquals("multitune-kafka-user", env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName());
        assertEquals("sasl.jaas.config", env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("kafka-cluster-ca-cert",
                env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD").getValueFrom().getSecretKeyRef().getName());
        ConfigMap cm = Chart.ofType(secured, ConfigMap.class).get(0);
        assertEquals("SASL_SSL", cm.getData().get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("/etc/multitune/kafka-tls/ca.p12", cm.getData().get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
    }

    @Test
    void networkPolicyPerService() {
        List<NetworkPolicy> nps = Chart.ofType(defaults, NetworkPolicy.class);
        assertEquals(5, nps.size());
        Map<String, Deployment> deps = deployments(defaults);
        for (NetworkPolicy np : nps) {
            String component = np.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component");
            assertEquals(deps.get(component).getSpec().getSelector().getMatchLabels(),
                    np.getSpec().getPodSelector().getMatchLabels());
            assertEquals(List.of("Ingress"), np.getSpec().getPolicyTypes());
        }
    }

    @Test
    void helmTestPodCurlsEveryReadinessEndpoint(@TempDir Path tmp) throws IOException {
        // helm-java returns the release manifest without hooks: render a copy whose test Pod is an ordinary template.
        Path hook = Chart.dir().resolve("templates/tests/test-health.yaml");
        String source = Files.readString(hook);
        assertTrue(source.contains("helm.sh/hook: test"), "the health check must be a helm test hook");
        Path copy = tmp.resolve("multitune");
        try (Stream<Path> files = Files.walk(Chart.dir())) {
            for (Path f : files.collect(Collectors.toList())) {
                Path target = copy.resolve(Chart.dir().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(copy.resolve("templates/tests/test-health.yaml"),
                source.replaceAll("(?m)^\\s*helm\\.sh/hook.*$", ""));
        String rendered = new Helm(copy).template().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE).call();
        List<Pod> pods = Chart.ofType(Chart.parse(rendered), Pod.class);
        assertEquals(1, pods.size());
        Pod pod = pods.get(0);
        String script = String.join("\n", pod.getSpec().getContainers().get(0).getCommand());
        Chart.PORTS.forEach((name, port) -> assertTrue(
                script.contains("http://" + Chart.PREFIX + name + ":" + port + "/q/health/ready"), script));
        assertEquals(Boolean.TRUE, pod.getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.TRUE, pod.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem());
        // The release's NetworkPolicies admit the test Pod (it carries the release's selector labels).
        NetworkPolicy np = Chart.ofType(defaults, NetworkPolicy.class).get(0);
        Map<String, String> peer = np.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchLabels();
        assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(peer.entrySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-replicas.yaml", "bad-evaluator-replicas.yaml", "bad-type.yaml",
            "bad-unknown-key.yaml", "bad-spin-count.yaml"})
    void schemaRejectsBadValues(String file) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(file));
        assertTrue(e.getMessage().toLowerCase().contains("schema"), e.getMessage());
    }
}
