package ca.constituent.riding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for Open North's Represent API on a loopback port, answering from the scenario fixtures in
 * {@code src/test/resources/represent}, with Represent switched on as production has it.
 *
 * <p>Quarkus applies a {@code @QuarkusTestResource} to every test class of the configuration, not only to the class
 * that names it ({@code RepresentProviderTest}): the whole default test configuration runs with this stub, which
 * spares the suite a configuration of its own (about 20 s). So the scenario codes below are used by no other test,
 * and every other postal code gets WireMock's 404, which Represent means as "unknown": other tests get the FSA's
 * answer, as with Represent off.
 */
public class RepresentWireMock implements QuarkusTestResourceLifecycleManager {

    static final String SINGLE_RIDING = "V6B 4A1";
    static final String SPANS_TWO_RIDINGS = "H2X 3Y4";
    static final String UNKNOWN = "V6B 9Z9";
    static final String UPSTREAM_TIMEOUT = "V6B 2T2";
    static final String UPSTREAM_ERROR = "V6B 3E3";
    /** Codes each answered as {@link #SINGLE_RIDING} is, to spend the request budget. */
    static final List<String> MORE_SINGLE_RIDINGS = List.of("V6B 1B1", "V6B 1C1", "V6B 1E1", "V6B 1G1", "V6B 1H1",
            "V6B 1J1");

    /** How long the slow scenario takes to answer: far beyond the test's read timeout. */
    static final int UPSTREAM_DELAY_MS = 30_000;
    /**
     * The tests' connect and read timeouts. Production keeps 0.5 s + 1.5 s; a test machine under load (two cores, other
     * builds) can take longer than that for a first request to a healthy stub, so the tests give it room and check the
     * mechanism (a slow answer is abandoned at the timeout), not the production figure.
     */
    static final int TEST_TIMEOUT_MS = 5_000;

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        stub(SINGLE_RIDING, json(200, "single-riding"));
        MORE_SINGLE_RIDINGS.forEach(code -> stub(code, json(200, "single-riding")));
        stub(SPANS_TWO_RIDINGS, json(200, "postal-code-spans-two-ridings"));
        stub(UNKNOWN, json(404, "unknown"));
        stub(UPSTREAM_TIMEOUT, json(200, "upstream-timeout").withFixedDelay(UPSTREAM_DELAY_MS));
        stub(UPSTREAM_ERROR, json(500, "upstream-error"));
        return Map.of(
                "quarkus.rest-client.represent.url", "http://127.0.0.1:" + server.port(),
                "constituent.ridings.represent.enabled", "true",
                "constituent.ridings.represent.requests-per-minute", "5",
                "quarkus.rest-client.represent.connect-timeout", String.valueOf(TEST_TIMEOUT_MS),
                "quarkus.rest-client.represent.read-timeout", String.valueOf(TEST_TIMEOUT_MS));
    }

    static String path(String postalCode) {
        return "/postcodes/" + postalCode.replace(" ", "") + "/";
    }

    private static void stub(String postalCode, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo(path(postalCode))).atPriority(1).willReturn(answer));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String scenario) {
        try (InputStream in = RepresentWireMock.class.getResourceAsStream("/represent/" + scenario + ".json")) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
