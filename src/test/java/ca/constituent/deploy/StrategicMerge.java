package ca.constituent.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes strategic-merge patching for the kinds k8s/ patches (Deployment and its pod template): maps merge key
 * by key, a null value deletes, and lists with a merge key (containers by name, env by name, ports by port, volumes
 * by name, volume mounts by mount path) merge element by element; every other list is replaced.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "topologySpreadConstraints", "topologyKey");

    private StrategicMerge() {
    }

    static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(target);
        patch.forEach((key, value) -> {
            Object current = merged.get(key);
            if (value == null) {
                merged.remove(key);
            } else if (current instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                merged.put(key, merge(Kustomize.map(current), Kustomize.map(value)));
            } else if (current instanceof List<?> && value instanceof List<?>) {
                merged.put(key, mergeList(key, Kustomize.list(current), Kustomize.list(value)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static List<Object> mergeList(String field, List<Object> current, List<Object> patch) {
        String key = "ports".equals(field) ? portKey(patch) : MERGE_KEYS.get(field);
        if (key == null) {
            return new ArrayList<>(patch);
        }
        List<Object> merged = new ArrayList<>(current);
        for (Object element : patch) {
            Map<String, Object> patchElement = Kustomize.map(element);
            Object id = patchElement.get(key);
            int index = indexOf(merged, key, id);
            if (index < 0) {
                merged.add(element);
            } else {
                merged.set(index, merge(Kustomize.map(merged.get(index)), patchElement));
            }
        }
        return merged;
    }

    private static String portKey(List<Object> patch) {
        return patch.stream().anyMatch(p -> Kustomize.map(p).containsKey("containerPort")) ? "containerPort" : "port";
    }

    private static int indexOf(List<Object> elements, String key, Object id) {
        for (int i = 0; i < elements.size(); i++) {
            if (id != null && id.equals(Kustomize.map(elements.get(i)).get(key))) {
                return i;
            }
        }
        return -1;
    }
}
