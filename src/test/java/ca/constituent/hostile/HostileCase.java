package ca.constituent.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One hostile request of the corpus: it must be refused with a 4xx answer and change nothing. */
record HostileCase(String name, String method, String target, Map<String, String> headers, byte[] body) {

    static HostileCase of(String name, String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        all.putAll(headers);
        return new HostileCase(name, method, target, all, body);
    }

    static HostileCase get(String name, String target, Map<String, String> headers) {
        return of(name, "GET", target, headers, null);
    }

    static HostileCase json(String name, String method, String target, Map<String, String> headers, String json) {
        return json(name, method, target, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static HostileCase json(String name, String method, String target, Map<String, String> headers, byte[] json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return of(name, method, target, all, json);
    }

    static HostileCase form(String name, String target, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return of(name, "POST", target, all, form.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an HTML page is an acceptable answer: a page route, or a client that asked for HTML first. */
    boolean htmlAllowed() {
        return !target.startsWith("/api/")
                || headers.getOrDefault("Accept", "").toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    @Override
    public String toString() {
        return name;
    }
}
