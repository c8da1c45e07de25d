package ca.constituent.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Marie-Ève", "O'Brien", "St.Laurent", "J. R. R. Tolkien", "Henry 8th", "Nguyễn Văn An",
            "Louis XIV"})
    void plainNamesPass(String name) {
        assertTrue(PlainName.isPlain(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Account locked – visit evil.example", "see https://x.io", "www.phish", "a@b.ca",
            "Jane EVIL.COM", "Agent 00700", "call me at bit.ly"})
    void linksAddressesDomainsAndNumbersFail(String name) {
        assertFalse(PlainName.isPlain(name), name);
    }

    @ParameterizedTest
    @CsvSource({"jane+1@company.ca,jane@company.ca", "Jane+x@Company.CA,jane@company.ca",
            "j.a.n.e+2@gmail.com,jane@gmail.com", "first.last@example.org,first.last@example.org"})
    void mailboxDropsTagsForEveryDomainAndDotsWhereTheProviderIgnoresThem(String email, String mailbox) {
        assertEquals(mailbox, CanonicalEmail.mailbox(email));
    }
}
