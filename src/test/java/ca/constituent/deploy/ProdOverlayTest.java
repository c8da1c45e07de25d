package ca.constituent.deploy;

import static ca.constituent.deploy.Kustomize.at;
import static ca.constituent.deploy.Kustomize.find;
import static ca.constituent.deploy.Kustomize.list;
import static ca.constituent.deploy.Kustomize.map;
import static ca.constituent.deploy.Kustomize.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The prod overlay's promises: a locked-down pod, the edge, scaling, network isolation and the database. */
class ProdOverlayTest {

    static final ManifestsTest.Overlay PROD = ManifestsTest.app("prod");

    @Test
    void appRunsNonRootOnAReadOnlyFilesystemWithoutCapabilities() {
        Object pod = at(PROD.deployment(), "spec", "template", "spec");
        Map<String, Object> app = PROD.container();
        assertEquals(true, at(pod, "securityContext", "runAsNonRoot"));
        assertEquals("RuntimeDefault", at(pod, "securityContext", "seccompProfile", "type"));
        assertEquals(true, at(app, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(false, at(app, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), at(app, "securityContext", "capabilities", "drop"));
        String tmpVolume = list(app.get("volumeMounts")).stream().map(Kustomize::map)
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError("a read-only root needs a writable /tmp"));
        assertTrue(list(at(pod, "volumes")).stream().map(Kustomize::map)
                .anyMatch(v -> tmpVolume.equals(v.get("name")) && v.containsKey("emptyDir")), "/tmp is an emptyDir");
        assertTrue(at(app, "env") instanceof List<?> env && env.stream()
                .anyMatch(e -> "JAVA_OPTS".equals(at(e, "name")) && at(e, "value").toString()
                        .contains("MaxRAMPercentage")), "the heap must follow the container's memory limit");
    }

    @Test
    void podRunsTheJvmSettingsTheImageWasMeasuredWith() throws java.io.IOException {
        String image = imageEnv("JAVA_OPTS").replaceFirst("^\"(.*)\"$", "$1");
        String pod = podEnv("JAVA_OPTS").orElseThrow();
        assertEquals(List.of(image.trim().split("\\s+")), List.of(pod.trim().split("\\s+")),
                "bench/startup.sh measures the image's JAVA_OPTS: the pod must run the same");
        assertEquals(imageEnv("MALLOC_ARENA_MAX"), podEnv("MALLOC_ARENA_MAX").orElse("unset"),
                "bench/startup.sh measures RSS with the image's malloc arenas");
        assertEquals("512Mi", at(PROD.container(), "resources", "limits", "memory"),
                "the heap share (MaxRAMPercentage) was sized for a 512Mi limit");
    }

    @Test
    void gracePeriodCoversThePreStopPauseAndTheAppsShutdownTimeout() {
        Object pod = at(PROD.deployment(), "spec", "template", "spec");
        int grace = (Integer) at(pod, "terminationGracePeriodSeconds");
        int preStop = (Integer) at(PROD.container(), "lifecycle", "preStop", "sleep", "seconds");
        Duration shutdown = ManifestsTest.APP.get("quarkus.shutdown.timeout").map(ProdOverlayTest::duration)
                .orElseThrow(() -> new AssertionError("quarkus.shutdown.timeout unset: SIGTERM drops requests"));
        assertTrue(preStop + shutdown.toSeconds() + 5 <= grace,
                "grace period " + grace + " s must cover preStop " + preStop + " s + shutdown " + shutdown
                        + " + 5 s to exit");
    }

    @Test
    void ingressServesTlsLimitsBodiesAndReachesTheAppsHttpPort() {
        Map<String, Object> ingress = find(PROD.resources(), "Ingress", "constituent");
        assertFalse(list(at(ingress, "spec", "tls")).isEmpty(), "TLS");
        Object bodySize = at(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size");
        assertNotNull(bodySize, "the ingress must limit body sizes");
        assertEquals(bytes(ManifestsTest.APP.get("quarkus.http.limits.max-body-size").orElse("10240K")),
                bytes(bodySize.toString()), "the edge must let through what the app accepts, and no more");
        Object backend = at(list(at(list(at(ingress, "spec", "rules")).get(0), "http", "paths")).get(0),
                "backend", "service");
        Map<String, Object> service = find(PROD.resources(), "Service", at(backend, "name").toString());
        Map<String, Object> port = list(at(service, "spec", "ports")).stream().map(Kustomize::map)
                .filter(p -> at(backend, "port", "name").equals(p.get("name"))).findFirst().orElseThrow();
        assertEquals(ManifestsTest.APP.httpPort(), ManifestsTest.containerPort(PROD.container(), port.get("targetPort")));
    }

    @Test
    void autoscalerAndDisruptionBudgetKeepSeveralReplicas() {
        Map<String, Object> hpa = ofKind(PROD.resources(), "HorizontalPodAutoscaler").get(0);
        assertEquals("constituent", at(hpa, "spec", "scaleTargetRef", "name"));
        assertTrue((Integer) at(hpa, "spec", "minReplicas") >= 2);
        assertFalse(at(PROD.deployment(), "spec") instanceof Map<?, ?> spec && spec.containsKey("replicas"),
                "the autoscaler owns the replica count; a fixed one would reset it on every apply");
        Map<String, Object> pdb = ofKind(PROD.resources(), "PodDisruptionBudget").get(0);
        assertEquals(at(PROD.deployment(), "spec", "selector"), at(pdb, "spec", "selector"));
        assertEquals(1, at(pdb, "spec", "maxUnavailable"));
    }

    @Test
    void networkPolicyLetsTheAppReachOnlyDatabaseSmtpHttpsAndDns() {
        Map<String, Object> policy = find(PROD.resources(), "NetworkPolicy", "constituent");
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(list(at(policy, "spec", "policyTypes"))));
        Set<Object> egressPorts = list(at(policy, "spec", "egress")).stream()
                .flatMap(rule -> list(at(rule, "ports")).stream()).map(p -> at(p, "port"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(5432, 587, 443, 53), egressPorts);
        Set<Object> ingressPorts = list(at(policy, "spec", "ingress")).stream()
                .flatMap(rule -> list(at(rule, "ports")).stream()).map(p -> at(p, "port"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(ManifestsTest.APP.httpPort(), ManifestsTest.APP.healthPort()), ingressPorts);
    }

    @Test
    void databaseIsAThreeInstanceCloudNativePgClusterWithASynchronousReplica() {
        Map<String, Object> cluster = ofKind(PROD.resources(), "Cluster").get(0);
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"));
        assertEquals(3, at(cluster, "spec", "instances"));
        assertEquals(1, at(cluster, "spec", "postgresql", "synchronous", "number"));
        assertNotNull(at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath"));
        String db = at(cluster, "spec", "bootstrap", "initdb", "database").toString();
        assertEquals("jdbc:postgresql://" + Kustomize.name(cluster) + "-rw:5432/" + db,
                PROD.configMap().get("DB_URL"), "the app must connect to the cluster's primary (-rw)");
        int poolSize = Integer.parseInt(PROD.configMap().get("DB_POOL_SIZE"));
        int maxReplicas = (Integer) at(ofKind(PROD.resources(), "HorizontalPodAutoscaler").get(0), "spec",
                "maxReplicas");
        int maxConnections = Integer.parseInt(at(cluster, "spec", "postgresql", "parameters", "max_connections")
                .toString());
        assertTrue(poolSize * maxReplicas < maxConnections, "at full scale the pools would exhaust the database");
        assertTrue(map(at(ofKind(PROD.resources(), "ScheduledBackup").get(0), "spec", "cluster"))
                .containsValue(Kustomize.name(cluster)), "a scheduled backup of the cluster");
    }

    /** A size as nginx and Quarkus write it: 160k, 160K, 1M. */
    private static long bytes(String size) {
        String unit = size.replaceAll("[0-9]", "").toUpperCase();
        long number = Long.parseLong(size.replaceAll("[^0-9]", ""));
        return number << switch (unit) {
            case "" -> 0;
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> throw new IllegalArgumentException("size " + size);
        };
    }

    private static Duration duration(String value) {
        return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value))
                : Duration.parse("PT" + value.toUpperCase());
    }

    /** The value of {@code ENV name=value} in docker/Dockerfile.jvm, quotes kept. */
    private static String imageEnv(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("docker/Dockerfile.jvm")).stream()
                .filter(l -> l.startsWith("ENV " + name + "=")).findFirst().orElseThrow()
                .substring(("ENV " + name + "=").length());
    }

    /** The value the prod pod's app container sets for an environment variable. */
    private static java.util.Optional<String> podEnv(String name) {
        return list(at(PROD.container(), "env")).stream().map(Kustomize::map)
                .filter(e -> name.equals(e.get("name"))).map(e -> e.get("value").toString()).findFirst();
    }
}
