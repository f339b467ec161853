package io.quorate.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.TransactionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of condition, allowing and denying, through the whole decision: the chain, then the conditions. */
class ConditionsDecisionTest {

    static final String HEAD = """
            quorate: 1
            keys:
              cfo: EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x
              deputy: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
              controller: EOS7Wu7XTq2MbWTtwMaHfqKGNvKRZvVpJfCwyeN8gxrcWWaGm9xHC
              sec: EOS8JXhdpGbKSa8RnDEK7NEs6dxWcYYJem2EifSKPziiZ7sxFDvhR
            groups:
              office: [cfo, deputy, controller]
              doubled: [cfo, EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x, deputy]
            lists:
              exchanges: [binancecold1, krakenkraken]
            accounts:
              treasury1111:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                  active: {threshold: 1, keys: [{key: cfo, weight: 1}, {key: deputy, weight: 1}]}
                conditions:
            """;

    /** A policy whose account has {@code conditions} (indented under `conditions:`). */
    static PreparedPolicy policy(String conditions) throws Exception {
        String indented = conditions.lines().map(l -> "          " + l).reduce("", (a, b) -> a + b + "\n");
        return Quorate.prepare(PolicyLoader.load("p.yaml", HEAD + indented));
    }

    /** Decides a transfer of {@code quantity} to {@code to}, with {@code extra} YAML fields. */
    static Decision transfer(PreparedPolicy p, String quantity, String to, String extra) throws Exception {
        String tx = "{account: treasury1111, action: eosio.token::transfer, signatures: [cfo],"
                + " data: {from: treasury1111, to: " + to + ", quantity: \"" + quantity + "\", memo: \"inv-7\"}"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
        return p.authorize(TransactionLoader.load("t.yaml", tx).get(0));
    }

    static String codes(Decision d) {
        return String.join(",", d.reasons().stream().map(r -> r.code()).toList());
    }

    @Test
    void a_key_written_twice_in_a_group_approves_once() throws Exception {
        PreparedPolicy p = policy("rules: [{name: two, when: {}, require: {group: doubled, count: 2}}]");
        // cfo by name and by public key is one approver: the count needs deputy too
        assertEquals("approval-required", codes(transfer(p, "1.0000 EOS", "x", "")));
        assertEquals("approval-required", codes(transfer(p, "1.0000 EOS", "x", "approved_by: [EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x]")));
        assertEquals("authorized", codes(transfer(p, "1.0000 EOS", "x", "approved_by: [deputy]")));
    }

    @Test
    void amounts_are_compared_exactly_at_the_assets_precision() throws Exception {
        PreparedPolicy p = policy("rules: [{name: cap, when: {amount: {gt: \"10000.0000 EOS\"}}, deny: over}]");
        assertEquals("authorized", codes(transfer(p, "10000.0000 EOS", "x", "")));
        assertEquals("condition-denied", codes(transfer(p, "10000.0001 EOS", "x", "")));
        PreparedPolicy le = policy("rules: [{name: small, when: {amount: {le: \"0.0001 EOS\"}}, deny: dust}]");
        assertEquals("condition-denied", codes(transfer(le, "0.0001 EOS", "x", "")));
        assertEquals("authorized", codes(transfer(le, "0.0002 EOS", "x", "")));
        // another asset: the rule is not about it
        assertEquals("authorized", codes(transfer(p, "99999.0000 TLOS", "x", "")));
    }

    @Test
    void lists_allow_and_deny_by_membership() throws Exception {
        PreparedPolicy in = policy("rules: [{name: exch, when: {to: {in: exchanges}}, deny: no exchanges}]");
        assertEquals("condition-denied", codes(transfer(in, "1.0000 EOS", "krakenkraken", "")));
        assertEquals("authorized", codes(transfer(in, "1.0000 EOS", "supplier", "")));
        PreparedPolicy notIn = policy("rules: [{name: known, when: {to: {not_in: [supplier, payroll]}}, deny: unknown payee}]");
        assertEquals("authorized", codes(transfer(notIn, "1.0000 EOS", "payroll", "")));
        assertEquals("condition-denied", codes(transfer(notIn, "1.0000 EOS", "stranger", "")));
    }

    @Test
    void memos_match_whole() throws Exception {
        PreparedPolicy p = policy("rules: [{name: invoice, when: {memo: {matches: \"inv-[0-9]+\"}}, allow: true}]\ndefault: deny");
        assertEquals("authorized", codes(transfer(p, "1.0000 EOS", "x", "")));
        PreparedPolicy strict = policy("rules: [{name: invoice, when: {memo: {matches: \"inv-[0-9]\"}}, allow: true}]\ndefault: deny");
        assertEquals("authorized", codes(transfer(strict, "1.0000 EOS", "x", "")));
        PreparedPolicy prefix = policy("rules: [{name: invoice, when: {memo: {matches: \"inv\"}}, allow: true}]\ndefault: deny");
        assertEquals("condition-denied", codes(transfer(prefix, "1.0000 EOS", "x", "")));
    }

    @Test
    void time_windows_are_read_in_their_zone() throws Exception {
        PreparedPolicy p = policy("rules: [{name: hours, when: {time: {outside: {days: [mon, tue, wed, thu, fri], hours: \"08:00-18:00\","
                + " zone: Europe/Berlin}}}, deny: closed}]");
        // Tuesday 07:30 UTC is 08:30 in Berlin: open; 17:30 UTC is 18:30: closed; Saturday: closed
        assertEquals("authorized", codes(transfer(p, "1.0000 EOS", "x", "context: {time: 2026-11-24T07:30:00Z}")));
        assertEquals("condition-denied", codes(transfer(p, "1.0000 EOS", "x", "context: {time: 2026-11-24T17:30:00Z}")));
        assertEquals("condition-denied", codes(transfer(p, "1.0000 EOS", "x", "context: {time: 2026-11-28T10:00:00Z}")));
        PreparedPolicy night = policy("rules: [{name: night, when: {time: {within: {hours: \"22:00-06:00\"}}}, deny: asleep}]");
        assertEquals("condition-denied", codes(transfer(night, "1.0000 EOS", "x", "context: {time: 2026-11-24T05:59:00Z}")));
        assertEquals("authorized", codes(transfer(night, "1.0000 EOS", "x", "context: {time: 2026-11-24T06:00:00Z}")));
    }

    @Test
    void spending_limits_add_what_was_spent_and_this_amount() throws Exception {
        PreparedPolicy p = policy("rules: [{name: daily, when: {spent: {period: 24h, over: \"50000.0000 EOS\"}}, deny: limit}]");
        assertEquals("authorized", codes(transfer(p, "5000.0000 EOS", "x", "context: {spent: {24h: \"45000.0000 EOS\"}}")));
        assertEquals("condition-denied", codes(transfer(p, "5000.0001 EOS", "x", "context: {spent: {24h: \"45000.0000 EOS\"}}")));
        // a period given without the asset: nothing of it was spent
        assertEquals("authorized", codes(transfer(p, "5000.0000 EOS", "x", "context: {spent: {24h: \"1.000 HIVE\"}}")));
        // the period not given: unknown, fail closed
        Decision unknown = transfer(p, "1.0000 EOS", "x", "context: {spent: {7d: \"1.0000 EOS\"}}");
        assertEquals("missing-data", codes(unknown));
        assertTrue(unknown.reasons().get(0).message().contains("already spent in 24h"), unknown.reasons().get(0).message());
    }

    @Test
    void two_actions_of_one_transaction_spend_together() throws Exception {
        PreparedPolicy p = policy("rules: [{name: daily, when: {spent: {period: 24h, over: \"100.0000 EOS\"}}, deny: limit}]");
        String action = "{account: treasury1111, action: eosio.token::transfer, data: {to: x, quantity: \"60.0000 EOS\"}}";
        Decision d = p.authorize(TransactionLoader.load("t.yaml", "{actions: [" + action + ", " + action + "], signatures: [cfo],"
                + " context: {spent: {24h: \"0.0000 EOS\"}}}").get(0));
        assertEquals("condition-denied", codes(d));
        assertEquals("deny", d.actions().get(1).decision().label());
        assertEquals("allow", d.actions().get(0).decision().label());
    }

    @Test
    void requirements_count_signatures_and_approvals_off_chain() throws Exception {
        PreparedPolicy p = policy("rules: [{name: two, when: {}, require: {group: office, count: 2}}]");
        Decision one = transfer(p, "1.0000 EOS", "x", "");
        assertEquals("approval-required", codes(one));
        assertEquals("require", one.conditions().outcome());
        assertEquals("2 of office", one.conditions().required());
        assertEquals(List.of("1 more of office (deputy, controller)"), one.conditions().missing());
        Decision two = transfer(p, "1.0000 EOS", "x", "approved_by: [controller]");
        assertEquals("authorized", codes(two));
        assertEquals(List.of(), two.conditions().missing());
        PreparedPolicy any = policy("rules: [{name: any, when: {}, require: {any: [{key: sec}, {all: [{key: deputy}, {key: controller}]}]}}]");
        assertEquals("authorized", codes(transfer(any, "1.0000 EOS", "x", "approved_by: [sec]")));
        Decision none = transfer(any, "1.0000 EOS", "x", "");
        assertEquals(List.of("any of: key sec | key deputy and key controller"), none.conditions().missing());
        assertEquals("unknown-key", codes(transfer(any, "1.0000 EOS", "x", "approved_by: [nobody]")));
    }

    @Test
    void first_match_lets_the_first_rule_decide_and_deny_overrides_lets_any_deny_win() throws Exception {
        String rules = "rules:\n  - {name: ok, when: {to: {in: exchanges}}, allow: true}\n  - {name: big, when: {amount: {gt: \"10.0000 EOS\"}}, deny: big}";
        Decision first = transfer(policy("combine: first-match\n" + rules), "20.0000 EOS", "krakenkraken", "");
        assertEquals("authorized", codes(first));
        assertEquals(List.of("ok"), first.conditions().matched());
        Decision overrides = transfer(policy("combine: deny-overrides\n" + rules), "20.0000 EOS", "krakenkraken", "");
        assertEquals("condition-denied", codes(overrides));
        assertEquals(List.of("ok", "big"), overrides.conditions().matched());
        Decision byDefault = transfer(policy("default: deny\nrules: [{name: small, when: {amount: {lt: \"1.0000 EOS\"}}, allow: true}]"),
                "5.0000 EOS", "x", "");
        assertEquals("condition-denied", codes(byDefault));
        assertEquals(List.of(), byDefault.conditions().matched());
    }

    @Test
    void missing_data_fails_closed_and_the_chains_reason_comes_first() throws Exception {
        PreparedPolicy p = policy("rules: [{name: exch, when: {action: eosio.token::transfer, to: {in: exchanges}}, deny: no}]");
        Decision lacking = p.authorize(TransactionLoader.load("t.yaml",
                "{account: treasury1111, action: eosio.token::transfer, signatures: [cfo]}").get(0));
        assertEquals("missing-data", codes(lacking));
        assertEquals("deny", lacking.conditions().outcome());
        // another action needs nothing the rule reads: it does not match
        assertEquals("authorized", codes(p.authorize(TransactionLoader.load("t.yaml",
                "{account: treasury1111, action: eosio::buyram, signatures: [cfo]}").get(0))));
        Decision both = p.authorize(TransactionLoader.load("t.yaml",
                "{account: treasury1111, action: eosio.token::transfer, signatures: [sec], data: {to: binancecold1, quantity: \"1.0000 EOS\"}}").get(0));
        assertEquals("unsatisfied-authority,condition-denied", codes(both));
        // a decision with no conditions carries none
        assertNull(Quorate.prepare(PolicyLoader.load("q.yaml", HEAD.replace("    conditions:\n", ""))).authorize(
                TransactionLoader.load("t.yaml", "{account: treasury1111, action: a, signatures: [cfo]}").get(0)).conditions());
    }

    @Test
    void a_large_list_is_one_fact() throws Exception {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) list.append(i == 0 ? "" : ", ").append("acct").append(i);
        PreparedPolicy p = policy("rules: [{name: big, when: {to: {in: " + list + "]}}, deny: listed}]");
        assertEquals(1, p.conditions().rules().size() - 1);
        assertEquals("condition-denied", codes(transfer(p, "1.0000 EOS", "acct19999", "")));
        assertEquals("authorized", codes(transfer(p, "1.0000 EOS", "acct20000", "")));
        assertTrue(p.conditions().rules().drl().contains("1 list, each one ConditionList fact"));
    }

    @Test
    void native_transactions_give_their_transfers_to_the_conditions() throws Exception {
        String base = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/signed/policy.yaml"));
        String withConditions = base
                .replace("    posting: {threshold: 1, keys: [{key: hive_alice_active, weight: 1}]}\n",
                        "    posting: {threshold: 1, keys: [{key: hive_alice_active, weight: 1}]}\n"
                        + "    conditions: {rules: [{name: hbd-cap, when: {action: transfer, amount: {ge: \"0.500 HBD\"}}, deny: capped}]}\n")
                .replace("    thresholds: {deployment: 2, key_management: 2}\n",
                        "    thresholds: {deployment: 2, key_management: 2}\n"
                        + "    conditions: {rules: [{name: cspr-cap, when: {action: deploy, to: {in: [01b55a0b21b76dbcf58e8ab082ace4edb94423e94d89d825f7f90de323da1a9ae6]},"
                        + " amount: {gt: \"2.499999999 CSPR\"}}, deny: capped}]}\n");
        PreparedPolicy p = Quorate.prepare(PolicyLoader.load("policy.yaml", withConditions));
        Decision hive = p.authorize(TransactionLoader.load(java.nio.file.Path.of("src/test/resources/signed/hive.yaml")).get(0));
        assertEquals("condition-denied", codes(hive));
        assertEquals(List.of("hbd-cap"), hive.conditions().matched());
        Decision casper = p.authorize(TransactionLoader.load(java.nio.file.Path.of("src/test/resources/signed/casper.yaml")).get(0));
        assertEquals("condition-denied", codes(casper), casper.reasons().toString());
        assertEquals(List.of("cspr-cap"), casper.conditions().matched());
    }
}
