package ca.constituent.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress clients = new ClientAddress(TestConfig.trusting("10.0.0.0/8", "2001:db8::/32"));

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertEquals("198.51.100.9", clients.resolve("198.51.100.9", List.of("203.0.113.1")));
    }

    @Test
    void clientIsTheRightmostHopThatIsNotATrustedProxy() {
        assertEquals("203.0.113.7",
                clients.resolve("10.0.0.2", List.of("192.0.2.66, 203.0.113.7, 10.1.2.3")));
        assertEquals("203.0.113.7", clients.resolve("10.0.0.2", List.of("192.0.2.66", "203.0.113.7:5123")));
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastTrustedHop() {
        assertEquals("10.1.2.3", clients.resolve("10.0.0.2", List.of("example.com, 10.1.2.3")));
    }

    @Test
    void rangesMatchIpv4AndIpv6AndNeverAskDns() {
        Cidr v4 = Cidr.parse("203.0.113.0/25").orElseThrow();
        assertTrue(v4.contains("203.0.113.127"));
        assertFalse(v4.contains("203.0.113.128"));
        assertTrue(Cidr.parse("2001:db8::/32").orElseThrow().contains("2001:db8:1::5"));
        assertTrue(Cidr.parse("localhost").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
    }
}
