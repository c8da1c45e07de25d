package ca.constituent.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hostile JSON bodies for every endpoint that reads one: malformed, of the wrong shape, with unknown fields. */
final class BodyCases {

    /** An endpoint reading JSON, a valid body for it, and its fields by JSON type. */
    record Endpoint(String label, String method, String target, Map<String, String> headers,
                    Map<String, Object> valid, List<String> textFields, List<String> scalarFields,
                    List<String> booleanFields) {
    }

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final List<Object> NOT_TEXT = List.of(42, -1.5, true, false, List.of(), List.of("x"), Map.of(),
            Map.of("x", 1), List.of(List.of()));
    private static final List<Object> NOT_SCALAR = List.of(List.of(), List.of("x"), Map.of(), Map.of("x", 1));
    private static final List<Object> NOT_BOOLEAN = List.of("true", "yes", "", 1, 0, List.of(), Map.of());

    private BodyCases() {
    }

    static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One value as JSON text. */
    static String value(Object value) {
        String wrapped = write(Map.of("v", value));
        return wrapped.substring(5, wrapped.length() - 1);
    }

    static List<HostileCase> all(List<Endpoint> endpoints) {
        List<HostileCase> cases = new ArrayList<>();
        for (Endpoint e : endpoints) {
            malformed(e, cases);
            wrongTypes(e, cases);
            unknownFields(e, cases);
        }
        return cases;
    }

    private static void malformed(Endpoint e, List<HostileCase> cases) {
        String valid = write(e.valid());
        String first = e.valid().keySet().iterator().next();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("open-brace", "{");
        bodies.put("close-brace", "}");
        bodies.put("open-bracket", "[");
        bodies.put("cut-after-colon", "{\"" + first + "\":");
        bodies.put("cut-in-string", valid.substring(0, valid.length() / 2));
        bodies.put("trailing-comma", valid.substring(0, valid.length() - 1) + ",}");
        bodies.put("single-quotes", valid.replace('"', '\''));
        bodies.put("bare-word", "nul");
        bodies.put("missing-colon", "{\"" + first + "\" \"x\"}");
        bodies.put("two-objects", valid + valid);
        bodies.put("two-objects-spaced", valid + "\n" + valid);
        bodies.put("object-then-array", valid + "[]");
        bodies.put("object-then-garbage", valid + " x");
        bodies.put("object-then-brace", valid + "}");
        bodies.put("duplicate-key", "{\"" + first + "\":" + value(e.valid().get(first)) + "," + valid.substring(1));
        bodies.put("array", "[" + valid + "]");
        bodies.put("empty-array", "[]");
        bodies.put("string", "\"text\"");
        bodies.put("number", "42");
        bodies.put("boolean", "true");
        bodies.put("deep-arrays", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("deep-objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        bodies.put("deep-in-field", "{\"" + first + "\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        bodies.put("bad-unicode-escape", "{\"" + first + "\":\"\\u00\"}");
        bodies.put("bad-escape", "{\"" + first + "\":\"\\x41\"}");
        bodies.put("raw-control-in-string", "{\"" + first + "\":\"a\u0001b\"}");
        bodies.put("nan-literal", "{\"" + first + "\":NaN}");
        bodies.put("line-comment", valid + " // comment");
        bodies.put("block-comment", "/* c */" + valid);
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            cases.add(HostileCase.json(e.label() + " malformed " + body.getKey(), e.method(), e.target(), e.headers(),
                    body.getValue()));
        }
        byte[][] invalidUtf8 = {{(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
        String[] names = {"bad-continuation", "overlong-nul", "ff-byte", "encoded-surrogate", "five-byte"};
        for (int i = 0; i < invalidUtf8.length; i++) {
            byte[] head = ("{\"" + first + "\":\"a").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "b\"}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + invalidUtf8[i].length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(invalidUtf8[i], 0, body, head.length, invalidUtf8[i].length);
            System.arraycopy(tail, 0, body, head.length + invalidUtf8[i].length, tail.length);
            cases.add(HostileCase.json(e.label() + " invalid-utf8 " + names[i], e.method(), e.target(), e.headers(),
                    body));
        }
    }

    private static void wrongTypes(Endpoint e, List<HostileCase> cases) {
        typed(e, e.textFields(), NOT_TEXT, cases);
        typed(e, e.scalarFields(), NOT_SCALAR, cases);
        typed(e, e.booleanFields(), NOT_BOOLEAN, cases);
    }

    private static void typed(Endpoint e, List<String> fields, List<Object> values, List<HostileCase> cases) {
        for (String field : fields) {
            for (Object value : values) {
                Map<String, Object> body = new LinkedHashMap<>(e.valid());
                body.put(field, value);
                cases.add(HostileCase.json(e.label() + " " + field + " as " + value(value), e.method(), e.target(),
                        e.headers(), write(body)));
            }
        }
    }

    private static void unknownFields(Endpoint e, List<HostileCase> cases) {
        String first = e.valid().keySet().iterator().next();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("admin", true);
        extras.put("state", "confirmed");
        extras.put("__proto__", Map.of("admin", true));
        extras.put(first.toUpperCase(java.util.Locale.ROOT), "x");
        extras.put(first + " ", "x");
        extras.put("", "x");
        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            Map<String, Object> body = new LinkedHashMap<>(e.valid());
            body.put(extra.getKey(), extra.getValue());
            cases.add(HostileCase.json(e.label() + " unknown field '" + extra.getKey() + "'", e.method(), e.target(),
                    e.headers(), write(body)));
        }
    }
}
