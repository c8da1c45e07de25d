package ca.constituent.riding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes lookup results with Jackson, taking the candidates' JSON from bytes rendered once per snapshot: most answers
 * are an FSA's candidate list, shared by every postal code of the FSA, and rendering it is most of the work of the
 * busiest endpoint. Other candidate lists (imported table, Represent) are rendered by Jackson each time.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
class LookupResultWriter implements MessageBodyWriter<LookupResult> {

    private record Rendered(RidingSnapshot snapshot, Map<List<Candidate>, SerializedString> candidates) {
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
        write(result, out);
    }

    /** The JSON of a result, byte for byte what Jackson writes for it. */
    byte[] bytes(LookupResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(result, out);
        return out.toByteArray();
    }

    private void write(LookupResult result, OutputStream out) throws IOException {
        SerializedString candidates = rendered(result.candidates());
        // Closing the generator flushes it; the response stream is the server's to close.
        try (JsonGenerator json = mapper.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeStringField("postalCode", result.postalCode());
            json.writeStringField("fsa", result.fsa());
            json.writeStringField("source", result.source());
            json.writeBooleanField("ambiguous", result.ambiguous());
            json.writeFieldName("candidates");
            if (candidates != null) {
                json.writeRawValue(candidates);
            } else {
                json.writeObject(result.candidates());
            }
            json.writeEndObject();
        }
    }

    /** The pre-rendered JSON of an FSA's candidate list of the current snapshot, or null for any other list. */
    private SerializedString rendered(List<Candidate> candidates) {
        Rendered current = rendered;
        RidingSnapshot snapshot = datasets.snapshot();
        if (current.snapshot() != snapshot) {
            current = render(snapshot);
            rendered = current;
        }
        return current.candidates().get(candidates);
    }

    private Rendered render(RidingSnapshot snapshot) {
        Map<List<Candidate>, SerializedString> candidates = new IdentityHashMap<>();
        try {
            for (List<Candidate> list : snapshot.fsaCandidates().values()) {
                SerializedString json = new SerializedString(mapper.writeValueAsString(list));
                json.asUnquotedUTF8(); // encoded now, so each answer copies the bytes
                candidates.put(list, json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(snapshot, candidates);
    }
}
