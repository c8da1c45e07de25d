package ca.constituent.riding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for Open North's Represent API on a loopback port, answering from the scenario fixtures in
 * {@code src/test/resources/represent}. Every other V6B postal code gets the single-riding answer.
 */
public class RepresentWireMock implements QuarkusTestResourceLifecycleManager {

    static final String SINGLE_RIDING = "V6B 1A1";
    static final String SPANS_TWO_RIDINGS = "H2X 1Y4";
    static final String UNKNOWN = "V6B 9Z9";
    static final String UPSTREAM_TIMEOUT = "V6B 2T2";
    static final String UPSTREAM_ERROR = "V6B 3E3";

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
        server.stubFor(get(urlPathMatching("/postcodes/V6B[0-9A-Z]{3}/")).atPriority(10)
                .willReturn(json(200, "single-riding")));
        stub(SINGLE_RIDING, json(200, "single-riding"));
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
