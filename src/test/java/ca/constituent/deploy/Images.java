package ca.constituent.deploy;

import java.util.List;
import java.util.Map;

/** The {@code images:} transformer: renames and retags the containers of pod templates whose image name matches. */
final class Images {

    private Images() {
    }

    static void set(Map<String, Object> resource, Map<String, Object> rule) {
        for (Map<String, Object> container : containers(resource)) {
            String image = (String) container.get("image");
            if (image != null && nameOf(image).equals(rule.get("name"))) {
                String name = (String) rule.getOrDefault("newName", nameOf(image));
                Object digest = rule.get("digest");
                Object tag = rule.get("newTag");
                container.put("image", digest != null ? name + "@" + digest
                        : tag != null ? name + ":" + tag : name + image.substring(nameOf(image).length()));
            }
        }
    }

    /** The containers and init containers of a workload's pod template (empty for other kinds). */
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        Object podSpec = Kustomize.at(resource, "spec", "template", "spec");
        return java.util.stream.Stream.of("initContainers", "containers")
                .flatMap(field -> Kustomize.list(Kustomize.at(podSpec, field)).stream())
                .map(Kustomize::map)
                .toList();
    }

    /** The image reference without its tag or digest. */
    static String nameOf(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at < 0 ? image : image.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
