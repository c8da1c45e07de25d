package ca.constituent.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the features k8s/ uses: resources (files and
 * directories, recursively), namespace, strategic-merge patches, images, and ConfigMap/Secret generators with
 * literals and {@code behavior: merge}. Generated names get no hash suffix; everything else matches. Anything else
 * in a kustomization.yaml fails the rendering, so a manifest never silently escapes the checks.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "configMapGenerator", "secretGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private Kustomize() {
    }

    /** The resources that {@code kustomize build directory} would print, in order. */
    static List<Map<String, Object>> build(Path directory) {
        Map<String, Object> kustomization = readAll(directory.resolve("kustomization.yaml")).get(0);
        for (String key : kustomization.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException(directory + ": kustomization field not rendered: " + key);
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = directory.resolve((String) entry).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : readAll(path));
        }
        generate(resources, list(kustomization.get("configMapGenerator")), "ConfigMap");
        generate(resources, list(kustomization.get("secretGenerator")), "Secret");
        for (Object patch : list(kustomization.get("patches"))) {
            for (Map<String, Object> document : readAll(directory.resolve((String) map(patch).get("path")))) {
                Map<String, Object> target = find(resources, (String) document.get("kind"), name(document));
                Map<String, Object> merged = StrategicMerge.merge(target, document);
                target.clear();
                target.putAll(merged);
            }
        }
        for (Object image : list(kustomization.get("images"))) {
            resources.forEach(resource -> Images.set(resource, map(image)));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.get("kind")))
                    .forEach(r -> metadata(r).put("namespace", namespace));
        }
        return resources;
    }

    /** Every YAML document of a file, empty ones skipped. */
    static List<Map<String, Object>> readAll(Path file) {
        try (MappingIterator<Map<String, Object>> documents = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(file.toFile())) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (documents.hasNext()) {
                Map<String, Object> document = documents.next();
                if (document != null && !document.isEmpty()) {
                    all.add(document);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.get("kind")) && name.equals(name(r))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " named " + name));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    static String name(Map<String, Object> resource) {
        return (String) metadata(resource).get("name");
    }

    static Map<String, Object> metadata(Map<String, Object> resource) {
        return map(resource.get("metadata"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** Follows a path of keys through nested maps; null when any step is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static void generate(List<Map<String, Object>> resources, List<Object> generators, String kind) {
        for (Object g : generators) {
            Map<String, Object> generator = map(g);
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object literal : list(generator.get("literals"))) {
                String text = literal.toString();
                int eq = text.indexOf('=');
                data.put(text.substring(0, eq), text.substring(eq + 1));
            }
            String name = (String) generator.get("name");
            String behavior = (String) generator.getOrDefault("behavior", "create");
            if ("merge".equals(behavior)) {
                map(find(resources, kind, name).get("data")).putAll(data);
                continue;
            }
            Map<String, Object> generated = new LinkedHashMap<>();
            generated.put("apiVersion", "v1");
            generated.put("kind", kind);
            generated.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
            // Secrets generated from literals carry base64 under data; the checks read the plain values.
            generated.put("Secret".equals(kind) ? "stringData" : "data", data);
            resources.add(generated);
        }
    }
}
