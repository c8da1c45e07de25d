package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalEmailTest {

    @ParameterizedTest
    @CsvSource({
            "Jane.Doe@Gmail.com,janedoe@gmail.com",
            "j.a.n.e.doe+petition@gmail.com,janedoe@gmail.com",
            "janedoe@googlemail.com,janedoe@gmail.com",
            "Jane.Doe+x@outlook.com,jane.doe@outlook.com",
            "Jane.Doe+x@example.ca,jane.doe+x@example.ca",
            "JANE.DOE@EXAMPLE.CA,jane.doe@example.ca"})
    void oneMailboxOneCanonicalForm(String email, String canonical) {
        assertEquals(canonical, CanonicalEmail.of(email));
    }

    @Test
    void dotsMatterWhereTheProviderSaysSo() {
        assertNotEquals(CanonicalEmail.of("jo.smith@example.ca"), CanonicalEmail.of("josmith@example.ca"));
        assertNotEquals(CanonicalEmail.of("jo.smith@outlook.com"), CanonicalEmail.of("josmith@outlook.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.ca", "first.last@sub.example.ca", "o'brien@example.ie", "x+y@example.com",
            "user@xn--caf-dma.ca", "user@café.ca"})
    void acceptsEverydayAddresses(String email) {
        assertTrue(EmailAddress.parse(email).isPresent(), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.ca", "a@", "a@b", "a..b@example.ca", ".a@example.ca",
            "a.@example.ca", "a b@example.ca", "a@exa mple.ca", "a@-example.ca", "\"quoted\"@example.ca",
            "a@example.ca\r\nBcc: b@example.ca", "a@example..ca", "a@example.c"})
    void refusesWhatIsNotAnAddress(String email) {
        assertTrue(EmailAddress.parse(email).isEmpty(), email);
    }

    @Test
    void localPartsOverSixtyFourCharactersAreRefused() {
        assertTrue(EmailAddress.parse("a".repeat(65) + "@example.ca").isEmpty());
        assertTrue(EmailAddress.parse("a".repeat(64) + "@example.ca").isPresent());
    }

    @Test
    void internationalDomainsAreStoredInAscii() {
        assertEquals("user@xn--caf-dma.ca", EmailAddress.parse("user@café.ca").orElseThrow());
    }
}
