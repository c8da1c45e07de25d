package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.constituent.support.PostgresResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LookupResultWriterTest {

    @Inject
    LookupResultWriter writer;

    @Inject
    ObjectMapper mapper;

    @Inject
    RidingLookup lookup;

    private void assertWrittenAsJacksonWould(LookupResult result) throws Exception {
        assertEquals(mapper.writeValueAsString(result), new String(writer.bytes(result), StandardCharsets.UTF_8));
    }

    @Test
    void fsaAnswersAreWrittenExactlyAsJacksonWritesThem() throws Exception {
        for (String postalCode : List.of("K1A 0A6", "V6B 1A1", "H2X 1Y4", "K0A 1K0", "X0A 0H0")) {
            assertWrittenAsJacksonWould(lookup.lookUp(PostalCode.parse(postalCode).orElseThrow()));
        }
    }

    @Test
    void otherAnswersIncludingVacantSeatsAndMissingSharesAreWrittenAsJacksonWould() throws Exception {
        RidingView vacant = new RidingView("35079", "Ottawa Centre", "Ottawa-Centre", "ON", null);
        RidingView held = lookup.riding("35112").orElseThrow();
        assertWrittenAsJacksonWould(new LookupResult("K1A 0A6", "K1A", LookupResult.REPRESENT, true,
                List.of(Candidate.of(vacant, null), Candidate.of(held, 0.25))));
    }
}
