package ca.constituent.riding;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes lookup results as Jackson would, but splices in the candidates' JSON rendered once per snapshot: most
 * answers are an FSA's candidate list, shared by every postal code of the FSA, and rendering it is most of the work
 * of the busiest endpoint. Other candidate lists (imported table, Represent) are rendered by Jackson each time.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
class LookupResultWriter implements MessageBodyWriter<LookupResult> {

    private record Rendered(RidingSnapshot snapshot, Map<List<Candidate>, byte[]> candidates) {
    }

    private final ObjectMapper mapper;
    private final RidingDatasets datasets;
    private volatile Rendered rendered = new Rendered(null, Map.of());

    LookupResultWriter(ObjectMapper mapper, RidingDatasets datasets) {
        this.mapper = mapper;
        this.datasets = datasets;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return LookupResult.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(LookupResult result, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        out.write(bytes(result));
    }

    /** The JSON of a result, byte for byte what Jackson writes for it. */
    byte[] bytes(LookupResult result) throws IOException {
        byte[] candidates = candidates(result.candidates());
        // postalCode, fsa and source are canonical postal-code parts and constants: nothing to escape.
        byte[] head = ("{\"postalCode\":\"" + result.postalCode() + "\",\"fsa\":\"" + result.fsa()
                + "\",\"source\":\"" + result.source() + "\",\"ambiguous\":" + result.ambiguous()
                + ",\"candidates\":").getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[head.length + candidates.length + 1];
        System.arraycopy(head, 0, json, 0, head.length);
        System.arraycopy(candidates, 0, json, head.length, candidates.length);
        json[json.length - 1] = '}';
        return json;
    }

    private byte[] candidates(List<Candidate> candidates) throws IOException {
        Rendered current = rendered;
        RidingSnapshot snapshot = datasets.snapshot();
        if (current.snapshot() != snapshot) {
            current = render(snapshot);
            rendered = current;
        }
        byte[] json = current.candidates().get(candidates);
        return json != null ? json : mapper.writeValueAsBytes(candidates);
    }

    private Rendered render(RidingSnapshot snapshot) {
        Map<List<Candidate>, byte[]> candidates = new IdentityHashMap<>();
        try {
            for (List<Candidate> list : snapshot.fsaCandidates().values()) {
                candidates.put(list, mapper.writeValueAsBytes(list));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(snapshot, candidates);
    }
}
