package io.quorate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.conditions.ConditionsOutcome;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code authority-never-allowed} against brute force: random small EOS and Hive policies with
 * conditions (actions, time windows, destination lists and amounts, allows, denies and requires);
 * for each authority, every action of a pool wider than what the rules name, with every data value
 * the rules mention and none, at every moment the windows tell apart, signed by that authority's
 * key alone with every approver approving, decided by the engine. The finding must appear exactly
 * for the authorities the chain lets act but no transaction of theirs is allowed, unless the whole
 * set is reported by {@code no-moment-to-act} (then nothing of the account may be allowed).
 */
class AuthorityNeverAllowedTest {

    private static final String[] EOS_KEYS = {
            "EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs", "EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx",
            "EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws", "EOS5qQV8go1DN56WMMZrDXYvK6cCx9RXnvqz1GhkoSxFpxYTJanzv"};
    private static final String[] HIVE_KEYS = {
            "STM4wiaE7pTxMHAd6MJwf42XRSURZxkqp13cu1qBhaapG7mcf6MPH", "STM52hcGz6EmjZWiS2su9shGtqLpJDNrzLsFyPwxCZdz26SpGqpse",
            "STM53MvmLXi5b8D3xu8oaGVzD9VS6dxZZuqFdbswBFH1K2HXe3gxp"};

    /** What the rules may name, and more that they never name: each way the chain routes a name is tried. */
    private static final List<String> EOS_NAMED = List.of("eosio.token::transfer", "eosio::claimrewards", "vault::withdraw", "owner",
            "claimer", "active");
    private static final List<String> EOS_POOL = List.of("eosio.token::transfer", "eosio::claimrewards", "vault::withdraw", "owner",
            "claimer", "active", "ops", "vault::deposit", "foo::bar", "eosio::other", "noperm");
    private static final List<String> HIVE_NAMED = List.of("owner", "change_recovery_account", "transfer", "account_update", "vote",
            "posting", "active");
    private static final List<String> HIVE_POOL = List.of("owner", "change_recovery_account", "transfer", "account_update", "vote",
            "posting", "active", "recover_account", "decline_voting_rights", "convert", "delete_comment", "nosuchop");
    private static final Set<String> CONDITION_CODES = Set.of(ConditionsOutcome.CONDITION_DENIED, ConditionsOutcome.APPROVAL_REQUIRED,
            ConditionsOutcome.MISSING_DATA);
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    @Test
    void the_finding_appears_exactly_for_the_authorities_no_allowed_transaction_lets_act() throws Exception {
        Random seeds = new Random(20261202L);
        int reported = 0;
        int allowed = 0;
        int closedSets = 0;
        for (int p = 0; p < 45; p++) {
            long seed = seeds.nextLong();
            Random r = new Random(seed);
            // four accounts a policy, each with its own conditions: one compilation serves them all
            Map<String, Map<String, String>> keysOf = new LinkedHashMap<>();
            StringBuilder y = new StringBuilder("quorate: 1\nkeys: {k_owner: " + EOS_KEYS[0] + ", k_active: " + EOS_KEYS[1]
                    + ", k_claimer: " + EOS_KEYS[2] + ", k_ops: " + EOS_KEYS[3] + ", h_owner: " + HIVE_KEYS[0] + ", h_active: "
                    + HIVE_KEYS[1] + ", h_posting: " + HIVE_KEYS[2] + "}\n");
            y.append("groups:\n  office: [k_owner, k_active]\n  doubled: [k_owner, ").append(EOS_KEYS[0])
                    .append("]\n  hive_office: [h_owner, h_active]\naccounts:\n");
            for (String account : List.of("treasurya", "treasuryb")) keysOf.put(account, eosAccount(r, y, account));
            for (String account : List.of("acmetreasa", "acmetreasb")) keysOf.put(account, hiveAccount(r, y, account));
            String yaml = y.toString();
            PolicySet policy = PolicyLoader.load("random.yaml", yaml);
            List<Finding> findings = Linter.lint(policy, new LintOptions(Map.of(), LocalDate.parse("2026-11-23"))).findings();
            try (PreparedPolicy prepared = Quorate.prepare(policy)) {
                for (Map.Entry<String, Map<String, String>> account : keysOf.entrySet()) {
                    String name = account.getKey();
                    boolean eos = name.startsWith("treasury");
                    boolean closed = findings.stream().anyMatch(f -> f.id().equals("no-moment-to-act") && f.account().equals(name));
                    Set<String> never = new HashSet<>();
                    for (Finding f : findings) if (f.id().equals("authority-never-allowed") && f.account().equals(name)) never.add(f.authority());
                    String where = "seed " + seed + ", account `" + name + "`:\n" + yaml;
                    if (closed) closedSets++;
                    for (Map.Entry<String, String> authority : account.getValue().entrySet()) {
                        String x = authority.getKey();
                        boolean chainLets = false;
                        boolean anyAllowed = false;
                        for (String action : eos ? EOS_POOL : HIVE_POOL) {
                            // the chain's own answer depends on neither data nor moment here: one refusal settles the action
                            Decision first = prepared.authorize(TransactionLoader.load("tx.yaml",
                                    transactions(eos, name, action, x, authority.getValue(), true)).get(0));
                            if (first.allowed()) {
                                anyAllowed = true;
                                chainLets = true;
                                break;
                            }
                            if (first.reasons().stream().anyMatch(c -> !CONDITION_CODES.contains(c.code()))) continue;
                            String txs = transactions(eos, name, action, x, authority.getValue(), false);
                            for (Transaction tx : TransactionLoader.load("tx.yaml", txs)) {
                                Decision d = prepared.authorize(tx);
                                if (d.allowed()) {
                                    anyAllowed = true;
                                    chainLets = true;
                                    break;
                                }
                                chainLets = true;
                            }
                            if (anyAllowed) break;
                        }
                        if (closed) {
                            assertTrue(!anyAllowed, "no-moment-to-act reported, but `" + x + "` acts: " + where);
                            assertTrue(never.isEmpty(), "authority-never-allowed beside no-moment-to-act: " + where);
                            continue;
                        }
                        boolean expected = chainLets && !anyAllowed;
                        assertEquals(expected, never.contains(x), "`" + x + "`: " + (anyAllowed ? "some transaction is allowed"
                                : chainLets ? "the chain lets it act, no transaction is allowed" : "the chain lets it act for nothing") + ": " + where);
                        if (expected) reported++;
                        if (anyAllowed) allowed++;
                    }
                }
            }
        }
        // the seeds reach both answers and the sets no-moment-to-act reports often enough to mean something
        assertTrue(reported > 30, "authorities never allowed: " + reported);
        assertTrue(allowed > 100, "authorities allowed: " + allowed);
        assertTrue(closedSets > 5, "sets with no moment to act: " + closedSets);
    }

    // ---- policies -----------------------------------------------------------------------------------------

    /** An EOS account (owner, active, sometimes a linked claimer and ops) with conditions; returns each permission's key. */
    private static Map<String, String> eosAccount(Random r, StringBuilder y, String name) {
        Map<String, String> keyOf = new LinkedHashMap<>();
        boolean claimer = r.nextBoolean();
        boolean ops = r.nextBoolean();
        y.append("  ").append(name).append(":\n    chain: eos\n    permissions:\n");
        y.append("      owner: {threshold: 1, keys: [{key: k_owner, weight: 1}]}\n");
        y.append("      active: {parent: owner, threshold: 1, keys: [{key: k_active, weight: 1}]}\n");
        keyOf.put("owner", "k_owner");
        keyOf.put("active", "k_active");
        if (claimer) {
            y.append("      claimer: {parent: active, threshold: 1, keys: [{key: k_claimer, weight: 1}]}\n");
            keyOf.put("claimer", "k_claimer");
        }
        if (ops) {
            y.append("      ops: {parent: owner, threshold: 1, keys: [{key: k_ops, weight: 1}]}\n");
            keyOf.put("ops", "k_ops");
        }
        if (claimer || ops) {
            y.append("    links:\n");
            if (claimer) y.append("      eosio::claimrewards: claimer\n");
            if (ops) y.append("      vault::*: ops\n");
        }
        conditions(r, y, true, EOS_NAMED, "EOS", 4);
        return keyOf;
    }

    /** A Hive account (hardfork 27 or 28, each role its own key) with conditions; returns each role's key. */
    private static Map<String, String> hiveAccount(Random r, StringBuilder y, String name) {
        Map<String, String> keyOf = new LinkedHashMap<>();
        y.append("  ").append(name).append(":\n    chain: hive\n    options: {hardfork: ").append(r.nextBoolean() ? 28 : 27).append("}\n");
        for (String role : List.of("owner", "active", "posting")) {
            y.append("    ").append(role).append(": {threshold: 1, keys: [{key: h_").append(role).append(", weight: 1}]}\n");
            keyOf.put(role, "h_" + role);
        }
        conditions(r, y, false, HIVE_NAMED, "HIVE", 3);
        return keyOf;
    }

    /**
     * Rules that read data do so apart by outcome: a deny names a bad destination or a large amount,
     * an allow or require a payee or a small amount, so that some data meets every allow and no deny.
     */
    private static void conditions(Random r, StringBuilder y, boolean eos, List<String> named, String asset, int decimals) {
        y.append("    conditions:\n      combine: ").append(r.nextBoolean() ? "first-match" : "deny-overrides")
                .append("\n      default: ").append(r.nextInt(3) == 0 ? "allow" : "deny").append("\n      rules:\n");
        int n = r.nextInt(5);
        if (n == 0) y.setLength(y.length() - "      rules:\n".length());
        for (int i = 0; i < n; i++) {
            List<String> when = new ArrayList<>();
            if (r.nextInt(10) < 7) {
                String a = named.get(r.nextInt(named.size()));
                String b = named.get(r.nextInt(named.size()));
                when.add("action: " + (a.equals(b) || r.nextBoolean() ? a : "[" + a + ", " + b + "]"));
            }
            if (r.nextInt(10) < 3) {
                int from = r.nextInt(4) * 6;
                int to = from + 6 * (1 + r.nextInt(4 - from / 6));
                List<String> days = new ArrayList<>();
                for (String d : DAYS) if (r.nextInt(3) > 0) days.add(d);
                if (days.isEmpty()) days.add("sat");
                when.add(String.format("time: {%s: {days: [%s], hours: \"%02d:00-%02d:00\", zone: UTC}}", r.nextBoolean() ? "within" : "outside",
                        String.join(", ", days), from, to));
            }
            int kind = r.nextInt(eos ? 4 : 3);
            boolean deny = kind == 0 || kind == 3;
            if (r.nextInt(10) < 3) {
                if (r.nextBoolean()) {
                    when.add("to: {in: [" + (deny ? "badguy" : "payee") + "]}");
                } else {
                    when.add("amount: {" + (deny ? "gt" : "lt") + ": \"" + amount(deny ? 100 : 10, decimals) + " " + asset + "\"}");
                }
            }
            y.append("        - name: r").append(i).append("\n          when: {").append(String.join(", ", when)).append("}\n          ");
            y.append(switch (kind) {
                case 0 -> "deny: no";
                case 1 -> "allow: true";
                case 2 -> "require: {group: " + (eos ? "office" : "hive_office") + ", count: 1}";
                default -> "require: {group: doubled, count: 2}";
            }).append('\n');
        }
    }

    private static String amount(int whole, int decimals) {
        return whole + "." + "0".repeat(decimals);
    }

    // ---- transactions ---------------------------------------------------------------------------------------

    /** Every transaction of {@code action} signed by {@code key} alone (declaring {@code authority} on EOS), every approver approving. */
    private static String transactions(boolean eos, String account, String action, String authority, String key, boolean firstOnly) {
        String asset = eos ? "EOS" : "HIVE";
        int decimals = eos ? 4 : 3;
        String amountField = eos ? "quantity" : "amount";
        List<String> data = new ArrayList<>();
        data.add(null);
        for (String[] v : new String[][] {{"payee", "1"}, {"someone", "50"}, {"badguy", "500"}}) {
            data.add("{from: " + account + ", to: " + v[0] + ", " + amountField + ": \""
                    + amount(Integer.parseInt(v[1]), decimals) + " " + asset + "\", memo: m}");
        }
        StringBuilder y = new StringBuilder();
        int id = 0;
        {
            for (String d : data) {
                for (int day = 0; day < 7; day++) {
                    for (int hour = 1; hour < 24; hour += 6) {
                        y.append("- id: t").append(id++).append("\n  account: ").append(account)
                                .append("\n  action: \"").append(action).append("\"\n");
                        if (eos) y.append("  authorization: ").append(account).append('@').append(authority).append('\n');
                        y.append("  signatures: [").append(key).append("]\n  approved_by: ").append(eos ? "[k_owner, k_active]" : "[h_owner, h_active]")
                                .append('\n');
                        if (d != null) y.append("  data: ").append(d).append('\n');
                        y.append(String.format("  context: {time: 2026-01-%02dT%02d:00:00Z}%n", 5 + day, hour));
                        if (firstOnly) return y.toString();
                    }
                }
            }
        }
        return y.toString();
    }
}
