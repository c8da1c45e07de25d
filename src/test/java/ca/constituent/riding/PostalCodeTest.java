package ca.constituent.riding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeTest {

    @ParameterizedTest
    @CsvSource({"K1A 0A6,K1A 0A6", "k1a0a6,K1A 0A6", "k1a-0a6,K1A 0A6", "'  h2x 1y4 ',H2X 1Y4", "X0A 0H0,X0A 0H0"})
    void toleratesCaseSpacingAndHyphen(String input, String canonical) {
        assertEquals(canonical, PostalCode.parse(input).orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K1A", "K1A 0A", "K1A 0A66", "D1A 0A6", "K1D 0A6", "K1A 0F6", "W1A 0A6", "Z1A 0A6",
            "K1A  0A6", "KIA 0A6", "K1A 0O6", "K1A_0A6", "12345", "K1A 0A6; DROP TABLE signature"})
    void refusesWhatCanadaPostNeverIssues(String input) {
        assertTrue(PostalCode.parse(input).isEmpty(), input);
    }

    @ParameterizedTest
    @CsvSource({"A1A 1A1,NL", "B3H 1A1,NS", "C1A 1A1,PE", "E1A 1A1,NB", "H2X 1Y4,QC", "K1A 0A6,ON", "P0A 1A0,ON",
            "R3C 1A1,MB", "S4P 1A1,SK", "T2P 1A1,AB", "V6B 1A1,BC", "X0A 0H0,NU", "X0C 0A0,NU", "X1A 1A1,NT",
            "X0E 0A0,NT", "Y1A 1A1,YT"})
    void firstLetterGivesTheProvince(String code, String province) {
        assertEquals(province, PostalCode.parse(code).orElseThrow().province());
    }

    @ParameterizedTest
    @CsvSource({"K1A 0A6,K1A ***"})
    void maskedFormKeepsOnlyTheFsa(String code, String masked) {
        assertEquals(masked, PostalCode.parse(code).orElseThrow().masked());
    }

    @org.junit.jupiter.api.Test
    void provinceAgreementComparesThePostalCodesProvinceWithTheRidings() {
        RidingView ottawaCentre = new RidingView("35079", "Ottawa Centre", "Ottawa-Centre", "ON", null);
        assertTrue(RidingSnapshot.agrees(PostalCode.parse("K1A 0A6").orElseThrow(), ottawaCentre));
        assertTrue(!RidingSnapshot.agrees(PostalCode.parse("J8X 1A1").orElseThrow(), ottawaCentre));
    }
}
