package io.quorate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue holds together: one rule per check, a doc page each, an unsafe and a safe test each. */
class CheckRegistryTest {

    static final List<Class<?>> CHECK_TESTS = List.of(LockoutChecksTest.class, CollusionChecksTest.class,
            ChainValidityChecksTest.class, HygieneChecksTest.class, SuppressionTest.class, ConditionChecksTest.class);

    @Test
    void every_rule_of_the_drl_is_one_check_with_its_metadata() throws IOException {
        String drl = Files.readString(Path.of("src/main/resources/io/quorate/lint/checks.drl"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^rule \"([a-z0-9-]+)\"").matcher(drl);
        List<String> rules = new ArrayList<>();
        while (m.find()) rules.add(m.group(1));
        assertEquals(rules.size(), new HashSet<>(rules).size(), "a check has more than one rule: " + rules);
        assertEquals(rules.stream().sorted().toList(), CheckRegistry.checks().stream().map(CheckInfo::id).toList());
        for (CheckInfo c : CheckRegistry.checks()) {
            assertTrue(c.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), c.id());
            assertTrue(!c.summary().isBlank() && !c.help().isBlank() && !c.category().isBlank(), c.id());
        }
    }

    @Test
    void every_check_has_a_doc_page() {
        for (CheckInfo c : CheckRegistry.checks()) {
            Path page = Path.of(c.docPage());
            assertTrue(Files.isRegularFile(page), "missing " + page);
        }
    }

    @Test
    void every_check_has_an_unsafe_and_a_safe_test() {
        Set<String> unsafe = new HashSet<>();
        Set<String> safe = new HashSet<>();
        for (Class<?> type : CHECK_TESTS) {
            for (Method method : type.getDeclaredMethods()) {
                CheckTest t = method.getAnnotation(CheckTest.class);
                if (t != null) (t.unsafe() ? unsafe : safe).add(t.value());
            }
        }
        for (CheckInfo c : CheckRegistry.checks()) {
            assertTrue(unsafe.contains(c.id()), "no unsafe test for " + c.id());
            assertTrue(safe.contains(c.id()), "no safe test for " + c.id());
        }
    }

    @Test
    void the_issue_catalogue_is_all_there() {
        Set<String> ids = new HashSet<>(CheckRegistry.checks().stream().map(CheckInfo::id).toList());
        for (String id : List.of("threshold-unreachable", "lockout-on-key-loss", "single-key-control", "weaker-parent",
                "requirement-not-met", "holder-concentration", "zero-weight-entry", "duplicate-entry", "dangling-reference",
                "reference-cycle", "depth-exceeded", "chain-limit-exceeded", "invalid-threshold", "open-authority",
                "deployment-above-key-management", "key-management-equals-deployment", "main-descriptor-rules",
                "main-descriptor-flags", "signatures-required-exceeds-signers", "all-signers-required",
                "account-flag-on-secondary", "descriptor-expired", "rule-looks-like-timestamp", "wait-only-path",
                "link-to-missing-permission", "unknown-suppression", "expired-suppression")) {
            assertTrue(ids.contains(id), id);
        }
    }
}
