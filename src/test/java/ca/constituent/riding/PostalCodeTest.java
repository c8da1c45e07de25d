package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"K1A 0A6", "k1a0a6", " K1A-0A6 ", "k1A 0a6"})
    void acceptsCaseSpacesAndHyphenAndGivesTheCanonicalForm(String input) {
        PostalCode postalCode = PostalCode.parse(input).orElseThrow();
        assertEquals("K1A 0A6", postalCode.value());
        assertEquals("K1A", postalCode.fsa());
        assertEquals("K1A ***", postalCode.masked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K1A", "K1A 0A", "K1A 0A66", "12345", "D1A 0A6", "K1O 0A6", "W1A 0A6", "Z1A 0A6",
            "K1A  0A6", "K1A_0A6"})
    void refusesWhatIsNotACanadianPostalCode(String input) {
        assertTrue(PostalCode.parse(input).isEmpty(), input);
    }

    @Test
    void firstLetterAndTerritorialFsaNameTheProvince() {
        assertEquals("ON", PostalCode.parse("K1A 0A6").orElseThrow().province());
        assertEquals("QC", PostalCode.parse("H2X 1Y4").orElseThrow().province());
        assertEquals("NU", PostalCode.parse("X0A 0H0").orElseThrow().province());
        assertEquals("NT", PostalCode.parse("X1A 2P7").orElseThrow().province());
        assertEquals("YT", PostalCode.parse("Y1A 1A1").orElseThrow().province());
    }

    @Test
    void provinceAgreementComparesThePostalCodesProvinceWithTheRidings() {
        RidingView ottawaCentre = new RidingView("35079", "Ottawa Centre", "Ottawa-Centre", "ON", null);
        assertTrue(RidingSnapshot.agrees(PostalCode.parse("K1A 0A6").orElseThrow(), ottawaCentre));
        assertTrue(!RidingSnapshot.agrees(PostalCode.parse("J8X 1A1").orElseThrow(), ottawaCentre));
    }
}
