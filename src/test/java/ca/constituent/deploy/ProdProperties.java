package ca.constituent.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** application.properties as the packaged app sees it in the prod profile: {@code %prod.key} wins over {@code key}. */
final class ProdProperties {

    /** An environment variable expression: {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private final Properties properties = new Properties();

    ProdProperties(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(properties.getProperty("%prod." + key, properties.getProperty(key)));
    }

    /** The keys in force in prod: unprofiled ones and %prod ones, without the prefix. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                keys.add(key);
            } else if (key.startsWith("%prod.")) {
                keys.add(key.substring("%prod.".length()));
            }
        }
        return keys;
    }

    /** Environment variables without a default that some prod key reads: the app does not start without them. */
    Set<String> requiredVariables() {
        return variables(true);
    }

    /** Every environment variable some prod key reads. */
    Set<String> allVariables() {
        return variables(false);
    }

    private Set<String> variables(boolean requiredOnly) {
        Set<String> names = new TreeSet<>();
        for (String key : keys()) {
            Matcher m = VARIABLE.matcher(get(key).orElse(""));
            while (m.find()) {
                if (!requiredOnly || m.group(2) == null) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port").orElse("8080"));
    }

    /** The port health checks are served on: the management interface's when it is enabled. */
    int healthPort() {
        return managementEnabled() ? Integer.parseInt(get("quarkus.management.port").orElse("9000")) : httpPort();
    }

    boolean managementEnabled() {
        return Boolean.parseBoolean(get("quarkus.management.enabled").orElse("false"));
    }

    /** The SmallRye Health paths as served: /q/health/live, /q/health/ready, /q/health/started by default. */
    Set<String> healthPaths() {
        String root = managementEnabled() ? get("quarkus.management.root-path").orElse("/q")
                : get("quarkus.http.non-application-root-path").orElse("/q");
        String health = get("quarkus.smallrye-health.root-path").orElse("health");
        String base = health.startsWith("/") ? health : strip(root) + "/" + health;
        Set<String> paths = new TreeSet<>();
        paths.add(base);
        paths.add(base + "/" + get("quarkus.smallrye-health.liveness-path").orElse("live"));
        paths.add(base + "/" + get("quarkus.smallrye-health.readiness-path").orElse("ready"));
        paths.add(base + "/" + get("quarkus.smallrye-health.startup-path").orElse("started"));
        return paths;
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
