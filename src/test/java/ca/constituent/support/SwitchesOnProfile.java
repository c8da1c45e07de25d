package ca.constituent.support;

import ca.constituent.riding.DatasetReloadTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings production can switch on that the default test profile leaves off, in one profile: every profile
 * costs the suite a Quarkus application of its own (about 20 s on two cores: one at discovery, one boot). Each test
 * class that runs with it relies on one switch and is indifferent to the other (Represent is on in every
 * configuration: see {@code riding/RepresentWireMock}):
 * <ul>
 * <li>proof of work on, with small challenges so tests solve them quickly ({@code abuse/ProofOfWorkTest}; lookups
 * need none);</li>
 * <li>the riding data read from a directory holding a newer dataset and a postal-code table
 * ({@code riding/DatasetReloadTest}; the table knows K1A 0A6, so signing with it never asks Represent).</li>
 * </ul>
 */
public class SwitchesOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(DatasetReloadTest.NewerDataset.config());
        config.put("constituent.abuse.proof-of-work.enabled", "true");
        config.put("constituent.abuse.proof-of-work.max-number", "2000");
        return config;
    }
}
