package ca.constituent.support;

import ca.constituent.riding.RepresentWireMock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * Open North's Represent on, served by {@link RepresentWireMock} with a budget of 5 requests a minute
 * ({@code riding/RepresentProviderTest}; it answers only V6B and H2X codes, which no other class here uses). A profile
 * costs the suite a Quarkus application of its own (about 20 s on two cores: one at discovery, one boot); the other
 * switches production can turn on (proof of work, a riding dataset directory) are tested on the packaged app instead
 * ({@code deploy/SwitchesOnIT}).
 */
public class SwitchesOnProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RepresentWireMock.class));
    }
}
