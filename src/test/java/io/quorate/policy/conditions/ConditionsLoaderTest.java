package io.quorate.policy.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.AmountBound;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.RuleOutcome;
import io.quorate.policy.conditions.Requirement;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionsLoaderTest {

    static final String KEYS = """
            quorate: 1
            keys:
              cfo: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
              deputy: EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
              controller: EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
              sec: EOS8EWkx4K5p924yXzoGVTR5JrRsishmi2kgyuKtmWVRdcL4ny4pR
            """;

    static final String ACCOUNT = """
              treasury:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: cfo, weight: 1}]}
                  active: {threshold: 1, keys: [{key: cfo, weight: 1}]}
            """;

    static PolicySet load(String text) throws InputException {
        return PolicyLoader.load("p.yaml", text);
    }

    static List<Diagnostic> problems(String text) {
        return assertThrows(InputException.class, () -> load(text)).diagnostics();
    }

    static String codes(List<Diagnostic> ds) {
        return String.join(" ", ds.stream().map(d -> d.code() + "@" + d.at().line() + ":" + d.at().column()).toList());
    }

    @Test
    void reads_groups_lists_and_an_accounts_rules() throws Exception {
        PolicySet p = load(KEYS + """
                groups:
                  cfo_office: [cfo, deputy, controller]
                lists:
                  exchanges: [binancecold1, krakenkraken]
                accounts:
                """ + ACCOUNT + """
                    conditions:
                      combine: deny-overrides
                      default: deny
                      rules:
                        - name: big
                          when: {action: eosio.token::transfer, to: {in: exchanges}, amount: {gt: "10000 EOS", le: "20000.5 EOS"}}
                          require: {group: cfo_office, count: 2}
                        - name: memo
                          when: {memo: {matches: "inv-[0-9]+"}, time: {outside: {days: [mon, fri], hours: "08:00-18:00", zone: Europe/Berlin}}}
                          deny: no
                        - name: rest
                          when: {spent: {period: 24h, over: "50000.0000 EOS"}}
                          allow: true
                """);
        AccountConditions c = p.conditions().of("treasury");
        assertEquals(AccountConditions.Combine.DENY_OVERRIDES, c.combine());
        assertFalse(c.defaultAllow());
        assertEquals(3, c.rules().size());
        ConditionRule big = c.rules().get(0);
        assertEquals(List.of("eosio.token::transfer"), big.when().actions());
        assertEquals("EOS", big.when().asset());
        AmountBound gt = big.when().amount().get(0);
        assertEquals(new BigDecimal("10000.0000"), gt.limit().value());
        assertEquals(4, gt.limit().value().scale());
        assertEquals(new BigDecimal("20000.5000"), big.when().amount().get(1).limit().value());
        Requirement.FromGroup g = assertInstanceOf(Requirement.FromGroup.class, ((RuleOutcome.Require) big.outcome()).requirement());
        assertEquals(2, g.count());
        assertTrue(big.when().to().list().contains("krakenkraken"));
        assertEquals(List.of("amount", "to"), big.when().neededData());
        assertEquals(480, c.rules().get(1).when().time().fromMinute());
        assertEquals("24h", c.rules().get(2).when().spent().period().text());
    }

    @Test
    void accounts_share_conditions_by_name() throws Exception {
        PolicySet p = load(KEYS + """
                conditions:
                  standard:
                    rules:
                      - {name: small, when: {amount: {lt: "1.0000 EOS"}}, allow: true}
                accounts:
                """ + ACCOUNT + """
                    conditions: standard
                  other:
                    chain: eos
                    permissions:
                      owner:  {threshold: 1, keys: [{key: sec, weight: 1}]}
                      active: {threshold: 1, keys: [{key: sec, weight: 1}]}
                    conditions: standard
                """);
        assertSame(p.conditions().of("treasury"), p.conditions().of("other"));
        assertTrue(p.conditions().of("other").shared());
        assertEquals(1, p.conditions().rules().size());
        assertEquals(List.of("treasury", "other"), p.conditions().accountsUsing(p.conditions().of("treasury")));
    }

    @Test
    void every_mistake_is_a_located_diagnostic() {
        List<Diagnostic> ds = problems(KEYS + """
                groups:
                  cfo_office: [cfo, deputy, nobody]
                lists:
                  exchanges: [a]
                accounts:
                """ + ACCOUNT + """
                    conditions:
                      combine: first-wins
                      rules:
                        - name: a
                          when: {to: {in: exchangez}, amount: {gt: "1.00000 EOS"}}
                          require: {group: cfo_offize}
                        - name: b
                          when: {asset: HIVE, memo: {matches: "(["}, time: {within: {days: [mon, fry], hours: "25:00-26:00", zone: Europe/Berlim}}}
                          deny: x
                        - name: c
                          when: {spent: {period: 24 hours, over: "abc EOS"}}
                          require: {key: nokey}
                        - name: d
                          require: {group: cfo_office, count: 5}
                        - name: e
                          allow: true
                          deny: y
                  plain:
                    chain: eos
                    permissions:
                      owner:  {threshold: 1, keys: [{key: cfo, weight: 1}]}
                      active: {threshold: 1, keys: [{key: cfo, weight: 1}]}
                    conditions: missing_set
                """);
        String codes = codes(ds);
        for (String expected : List.of("unknown-key-name@8:", "invalid-value@18:", "unknown-list@21:", "wrong-precision@21:",
                "unknown-group@22:", "unknown-asset@24:", "invalid-regex@24:", "unknown-day@24:", "invalid-hours@24:",
                "unknown-zone@24:", "invalid-period@27:", "invalid-amount@27:", "unknown-key-name@28:", "unreachable-count@30:",
                "conflicting-fields@32:", "unknown-conditions@39:")) {
            assertTrue(codes.contains(expected), expected + " in " + codes);
        }
        Diagnostic zone = ds.stream().filter(d -> d.code().equals("unknown-zone")).findFirst().orElseThrow();
        assertEquals("did you mean `Europe/Berlin`?", zone.help());
        Diagnostic list = ds.stream().filter(d -> d.code().equals("unknown-list")).findFirst().orElseThrow();
        assertEquals("did you mean `exchanges`?", list.help());
    }

    @Test
    void a_shared_set_is_checked_for_each_chain_that_uses_it() {
        List<Diagnostic> ds = problems(KEYS + """
                conditions:
                  standard:
                    rules:
                      - {name: small, when: {amount: {lt: "1.0000 EOS"}}, allow: true}
                accounts:
                """ + ACCOUNT + """
                    conditions: standard
                  hiveacct:
                    chain: hive
                    active: {threshold: 1, keys: [{key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}]}
                    conditions: standard
                """);
        assertEquals(1, ds.size(), codes(ds));
        assertEquals("unknown-asset", ds.get(0).code());
        assertTrue(ds.get(0).message().contains("hive has no asset `EOS`"), ds.get(0).message());
    }

    @Test
    void a_list_file_beside_the_policy_is_one_entry_a_line(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("# sanctioned addresses\n");
        for (int i = 0; i < 100_000; i++) sb.append("addr").append(i).append('\n');
        Files.writeString(dir.resolve("sanctioned.txt"), sb);
        Files.writeString(dir.resolve("p.yaml"), KEYS + """
                lists:
                  sanctioned: {file: sanctioned.txt}
                  missing: {file: nowhere.txt}
                accounts: {}
                """);
        InputException e = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(dir)));
        assertEquals("missing-file", e.diagnostics().get(0).code());
        Files.writeString(dir.resolve("p.yaml"), KEYS + """
                lists:
                  sanctioned: {file: sanctioned.txt}
                accounts: {}
                """);
        PolicySet p = PolicyLoader.load(List.of(dir));
        // editing the list is a new revision of the policy
        Files.writeString(dir.resolve("sanctioned.txt"), sb.append("one-more\n"));
        assertFalse(p.revision().equals(PolicyLoader.load(List.of(dir)).revision()));
        assertEquals(100_000, p.conditions().lists().get("sanctioned").size());
        assertTrue(p.conditions().lists().get("sanctioned").contains("addr99999"));
        assertFalse(p.conditions().lists().get("sanctioned").contains("# sanctioned addresses"));
    }

    @Test
    void declared_assets_extend_the_chains_own() throws Exception {
        PolicySet p = load(KEYS + """
                assets: {eos: {USDT: 4}}
                accounts:
                """ + ACCOUNT + """
                    conditions:
                      rules:
                        - {name: usdt, when: {amount: {gt: "5.5 USDT"}}, deny: too much}
                """);
        assertEquals(new BigDecimal("5.5000"), p.conditions().of("treasury").rules().get(0).when().amount().get(0).limit().value());
        List<Diagnostic> ds = problems(KEYS + """
                assets: {eos: {EOS: 2}}
                accounts: {}
                """);
        assertEquals("wrong-precision", ds.get(0).code());
    }

    @Test
    void conditions_written_twice_in_an_account_are_reported_once() {
        List<Diagnostic> ds = problems(KEYS + """
                accounts:
                """ + ACCOUNT + """
                    conditions: {rules: []}
                    conditions: {rules: []}
                """);
        assertEquals("duplicate-key@14:5", codes(ds));
    }
}
