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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlays in k8s/ rendered as kustomize would, checked against the app they deploy: probes reach health paths
 * the app serves on the port it serves them, every variable the prod profile needs is provided, nothing secret is
 * committed, every image is pinned and every container sized.
 */
class ManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final ProdProperties APP = new ProdProperties(Path.of("src/main/resources/application.properties"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAskTheHealthPathsTheAppServesOnItsHealthPort(String overlay) {
        Map<String, Object> app = app(overlay).container();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Object httpGet = at(app, probe, "httpGet");
            assertNotNull(httpGet, overlay + ": app has no HTTP " + probe);
            assertTrue(APP.healthPaths().contains(at(httpGet, "path")),
                    overlay + ": " + probe + " asks " + at(httpGet, "path") + "; the app serves " + APP.healthPaths());
            assertEquals(APP.healthPort(), containerPort(app, at(httpGet, "port")),
                    overlay + ": " + probe + " must reach the port health is served on");
        }
        assertEquals(APP.httpPort(), containerPort(app, "http"), overlay + ": the http port is not the app's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableTheProdProfileRequiresIsProvided(String overlay) {
        Set<String> missing = new TreeSet<>(APP.requiredVariables());
        missing.removeAll(app(overlay).providedVariables());
        assertTrue(missing.isEmpty(), overlay + ": the app would not start without " + missing);
    }

    @Test
    void prodSetsTheVariablesWhoseDefaultsAreWrongThere() {
        Overlay prod = app("prod");
        Map<String, String> config = prod.configMap();
        for (String name : List.of("MP_EMAIL_FROM", "MAIL_FROM", "PUBLIC_BASE_URL", "CORS_ORIGINS", "SMTP_HOST",
                "TRUSTED_PROXIES", "REPRESENT_ENABLED")) {
            assertFalse(config.getOrDefault(name, "").isBlank(), "prod ConfigMap must set " + name);
        }
        assertEquals("true", config.get("REPRESENT_ENABLED"), "prod asks Represent: the FSA fallback guesses wrong");
        assertFalse(config.get("MP_EMAIL_FROM").endsWith(".localhost"), "letters would leave from a dead address");
        assertTrue(config.get("PUBLIC_BASE_URL").startsWith("https://"), "links in mails must be HTTPS");
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(APP.allVariables());
        unknown.remove("JAVA_OPTS");
        assertTrue(unknown.isEmpty(), "prod ConfigMap sets variables the app never reads: " + unknown);
    }

    /**
     * Every variable the app reads in prod is in the prod overlay, with its value or empty (a list nobody uses yet), so
     * an operator sees every knob in one place and never has to read application.properties to find one.
     */
    @Test
    void prodListsEveryVariableTheAppReads() {
        Overlay prod = app("prod");
        Set<String> listed = new TreeSet<>(prod.providedVariables());
        listed.addAll(prod.configMap().keySet());
        Set<String> missing = new TreeSet<>(APP.allVariables());
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "prod sets nowhere, not even empty: " + missing);
    }

    @Test
    void noSecretValueIsCommitted() {
        assertTrue(ofKind(Kustomize.build(K8S.resolve("overlays/prod")), "Secret").isEmpty(),
                "prod must not apply a Secret: it would overwrite the real one");
        for (Map<String, Object> secret : app("prod").exampleSecrets()) {
            map(secret.get("stringData")).forEach((key, value) ->
                    assertEquals("CHANGE-ME", value, "secret.example.yaml must hold placeholders only: " + key));
            assertTrue(map(secret.get("data")).isEmpty(), "secret.example.yaml must not hold encoded values");
        }
        for (Map<String, Object> secret : ofKind(Kustomize.build(K8S.resolve("overlays/dev")), "Secret")) {
            map(secret.get("stringData")).forEach((key, value) -> assertTrue(
                    value.toString().isEmpty() || value.toString().startsWith("dev-only-")
                            || key.endsWith("_USER"), "dev secrets must be visibly made up: " + key));
        }
    }

    @Test
    void everyImageIsPinned() throws IOException {
        List<String> images = new ArrayList<>();
        for (String overlay : List.of("dev", "prod")) {
            for (Map<String, Object> resource : Kustomize.build(K8S.resolve("overlays/" + overlay))) {
                Images.containers(resource).forEach(c -> images.add((String) c.get("image")));
                if ("Cluster".equals(resource.get("kind"))) {
                    images.add((String) at(resource, "spec", "imageName"));
                }
            }
        }
        Matcher compose = Pattern.compile("(?m)^\\s*image:\\s*(\\S+)").matcher(Files.readString(Path.of(
                "docker/compose.yaml")));
        while (compose.find()) {
            images.add(compose.group(1));
        }
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(Path.of(
                "docker/Dockerfile.jvm")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertTrue(images.size() >= 6, "images found: " + images);
        for (String image : images) {
            String tag = image.contains("@") ? "digest" : image.substring(Images.nameOf(image).length());
            assertTrue(tag.equals("digest") || tag.matches(":\\d[\\w.-]*|:v\\d[\\w.-]*"),
                    image + " is not pinned to a version");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsAndLimits(String overlay) {
        for (Map<String, Object> resource : Kustomize.build(K8S.resolve("overlays/" + overlay))) {
            for (Map<String, Object> container : Images.containers(resource)) {
                String where = overlay + ": " + Kustomize.name(resource) + "/" + container.get("name");
                assertNotNull(at(container, "resources", "requests", "cpu"), where + " requests no CPU");
                assertNotNull(at(container, "resources", "requests", "memory"), where + " requests no memory");
                assertNotNull(at(container, "resources", "limits", "memory"), where + " has no memory limit");
            }
        }
    }

    @Test
    void devTalksToItsOwnPostgresAndMailpit() {
        Overlay dev = app("dev");
        Map<String, String> config = dev.configMap();
        String dbHost = config.get("DB_URL").replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
        for (String[] target : new String[][] {{dbHost, "5432"}, {config.get("SMTP_HOST"), config.get("SMTP_PORT")}}) {
            Map<String, Object> service = find(dev.resources(), "Service", target[0]);
            assertTrue(list(at(service, "spec", "ports")).stream().anyMatch(p -> target[1].equals(
                    String.valueOf(at(p, "port")))), "service " + target[0] + " has no port " + target[1]);
        }
        assertEquals("1", String.valueOf(at(dev.deployment(), "spec", "replicas")));
    }

    static Overlay app(String overlay) {
        Path directory = K8S.resolve("overlays/" + overlay);
        Path example = directory.resolve("secret.example.yaml");
        return new Overlay(Kustomize.build(directory),
                Files.exists(example) ? Kustomize.readAll(example) : List.of());
    }

    static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return list(container.get("ports")).stream().map(Kustomize::map)
                .filter(p -> port.equals(p.get("name"))).map(p -> (Integer) p.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    /** A rendered overlay plus the example Secrets an operator fills in before applying it. */
    record Overlay(List<Map<String, Object>> resources, List<Map<String, Object>> exampleSecrets) {

        Map<String, Object> deployment() {
            return find(resources, "Deployment", "constituent");
        }

        Map<String, Object> container() {
            return Images.containers(deployment()).stream().filter(c -> "app".equals(c.get("name"))).findFirst()
                    .orElseThrow();
        }

        Map<String, String> configMap() {
            Map<String, String> data = new java.util.TreeMap<>();
            map(find(resources, "ConfigMap", "constituent").get("data")).forEach((k, v) -> data.put(k, v.toString()));
            return data;
        }

        /** Variables the app container gets: set directly, by key reference, or whole from a ConfigMap or Secret. */
        Set<String> providedVariables() {
            Set<String> names = new TreeSet<>();
            for (Object e : list(container().get("env"))) {
                Map<String, Object> env = map(e);
                Object secretRef = at(env, "valueFrom", "secretKeyRef");
                if (secretRef != null) {
                    assertTrue(secretKeys(at(secretRef, "name").toString()).contains(at(secretRef, "key")),
                            env.get("name") + " refers to a secret key nobody provides");
                }
                if (!"".equals(env.get("value"))) {
                    names.add((String) env.get("name"));
                }
            }
            for (Object source : list(container().get("envFrom"))) {
                Object configMap = at(source, "configMapRef", "name");
                if (configMap != null) {
                    map(find(resources, "ConfigMap", configMap.toString()).get("data")).forEach((k, v) -> {
                        if (!v.toString().isEmpty()) {
                            names.add(k);
                        }
                    });
                }
                Object secret = at(source, "secretRef", "name");
                if (secret != null) {
                    names.addAll(secretKeys(secret.toString()));
                }
            }
            return names;
        }

        /** Keys of a Secret in the overlay, in its example file, or generated by CloudNativePG for a Cluster. */
        Set<String> secretKeys(String name) {
            Set<String> keys = new TreeSet<>();
            List<Map<String, Object>> secrets = new ArrayList<>(ofKind(resources, "Secret"));
            secrets.addAll(exampleSecrets);
            secrets.stream().filter(s -> name.equals(Kustomize.name(s))).forEach(s -> {
                keys.addAll(map(s.get("stringData")).keySet());
                keys.addAll(map(s.get("data")).keySet());
            });
            ofKind(resources, "Cluster").stream().filter(c -> name.equals(Kustomize.name(c) + "-app"))
                    .forEach(c -> keys.addAll(Set.of("username", "password", "host", "port", "dbname", "uri",
                            "jdbc-uri")));
            return keys;
        }
    }
}
