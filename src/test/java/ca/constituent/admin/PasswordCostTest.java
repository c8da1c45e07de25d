package ca.constituent.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bcrypt cost of stored passwords: 12 in production, which refuses to start below it; lower only in tests. */
class PasswordCostTest {

    @Test
    void productionTakesTwelveOrMoreAndRefusesLess() {
        assertEquals(12, PasswordPolicy.checkedCost(12, false));
        assertEquals(14, PasswordPolicy.checkedCost(14, false));
        for (int cost : new int[] {4, 10, 11, 32}) {
            assertThrows(IllegalStateException.class, () -> PasswordPolicy.checkedCost(cost, false), "cost " + cost);
        }
    }

    @Test
    void testsMayGoDownToBcryptsLowest() {
        assertEquals(4, PasswordPolicy.checkedCost(4, true));
        assertThrows(IllegalStateException.class, () -> PasswordPolicy.checkedCost(3, true));
    }

    @Test
    void onlyTheTestProfileSetsACostAndProductionKeepsTheDefaultOfTwelve() throws Exception {
        List<String> settings = Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                .filter(line -> line.contains("password-hash-cost")).toList();
        assertEquals(List.of("%test.constituent.admin.password-hash-cost=4"), settings);
        assertEquals(12, PasswordPolicy.BCRYPT_COST);
        assertTrue(PasswordPolicy.hash("a long enough password", 4).matches("\\$2[aby]\\$04\\$.{53}"));
    }
}
