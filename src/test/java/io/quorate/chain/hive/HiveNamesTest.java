package io.quorate.chain.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hive's account-name rule, as its own {@code check_account_name} states it, in policies and in lint alike. */
class HiveNamesTest {

    @Test
    void names_the_chain_accepts_are_accepted_including_a_double_hyphen() {
        for (String name : List.of("abc", "test.auth", "a--b", "hive-io", "x1y.z2w.q-r", "abcdefghijklmnop")) {
            assertTrue(HiveNames.isName(name), name);
            assertNull(new HiveLintFacts().accountNameProblem(name), name);
        }
    }

    @Test
    void names_the_chain_refuses_are_refused() {
        for (String name : List.of("ab", "abcdefghijklmnopq", "1abc", "abc-", "ab.cde", "abc.", ".abc", "aBc", "ab_c", "abc..def")) {
            assertFalse(HiveNames.isName(name), name);
            assertEquals(HiveNames.RULE, new HiveLintFacts().accountNameProblem(name), name);
        }
    }
}
