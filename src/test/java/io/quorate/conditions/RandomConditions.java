package io.quorate.conditions;

import io.quorate.assets.Amount;
import io.quorate.transaction.ActionData;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random policies with conditions and random transactions against them, from a seed. */
final class RandomConditions {

    static final String[] KEYS = {"cfo", "deputy", "controller", "sec"};
    static final String HEAD = """
            quorate: 1
            keys:
              cfo: EOS6aYcePWaA8BzexB4YdWvp9ReUhPtjkQw4TK5fkZ9hg5FoGxQ3x
              deputy: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
              controller: EOS7Wu7XTq2MbWTtwMaHfqKGNvKRZvVpJfCwyeN8gxrcWWaGm9xHC
              sec: EOS8JXhdpGbKSa8RnDEK7NEs6dxWcYYJem2EifSKPziiZ7sxFDvhR
            assets: {eos: {USDT: 4}}
            groups:
              office: [cfo, deputy, controller]
              security: [sec]
            lists:
              exchanges: [binancecold1, krakenkraken, okexcold1111]
              staff: [alice, bob]
            """;
    static final String[] ACTIONS = {"eosio.token::transfer", "eosio::buyram", "tether::transfer"};
    static final String[] NAMES = {"binancecold1", "krakenkraken", "okexcold1111", "alice", "bob", "carol", "treasury1111"};
    static final String[] LIMITS = {"100.0000", "1000.0000", "10000.0000"};
    static final String[] ASSETS = {"EOS", "USDT"};
    static final String[] PERIODS = {"1h", "24h", "7d"};
    static final Duration[] DURATIONS = {Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7)};

    private final Random random;

    RandomConditions(long seed) {
        this.random = new Random(seed);
    }

    private <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    /** A policy with two accounts: one with its own conditions, one using a shared set. */
    String policy() {
        StringBuilder y = new StringBuilder(HEAD);
        y.append("conditions:\n  shared:\n");
        set(y, "    ");
        y.append("accounts:\n");
        for (String account : List.of("treasury1111", "ops111111111")) {
            y.append("  ").append(account).append(":\n    chain: eos\n    permissions:\n")
                    .append("      owner: {threshold: 1, keys: [{key: cfo, weight: 1}]}\n")
                    .append("      active: {threshold: 1, keys: [{key: cfo, weight: 1}]}\n");
            if (account.startsWith("ops")) {
                y.append("    conditions: shared\n");
            } else {
                y.append("    conditions:\n");
                set(y, "      ");
            }
        }
        return y.toString();
    }

    private void set(StringBuilder y, String indent) {
        y.append(indent).append("combine: ").append(random.nextBoolean() ? "first-match" : "deny-overrides").append('\n');
        y.append(indent).append("default: ").append(random.nextInt(3) == 0 ? "deny" : "allow").append('\n');
        y.append(indent).append("rules:\n");
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            y.append(indent).append("  - name: r").append(i).append('\n');
            y.append(indent).append("    when: {").append(String.join(", ", when())).append("}\n");
            y.append(indent).append("    ").append(outcome()).append('\n');
        }
    }

    private List<String> when() {
        List<String> parts = new ArrayList<>();
        if (random.nextInt(3) > 0) parts.add(random.nextInt(4) == 0 ? "action: [eosio.token::transfer, tether::transfer]" : "action: " + pick(ACTIONS));
        String asset = pick(ASSETS);
        if (random.nextInt(4) == 0) parts.add("asset: " + asset);
        if (random.nextInt(2) == 0) {
            List<String> bounds = new ArrayList<>();
            String[] ops = {"gt", "ge", "lt", "le"};
            int k = 1 + random.nextInt(2);
            for (int i = 0; i < k; i++) {
                String op = ops[random.nextInt(4)];
                if (bounds.stream().noneMatch(b -> b.startsWith(op))) bounds.add(op + ": \"" + pick(LIMITS) + " " + asset + "\"");
            }
            parts.add("amount: {" + String.join(", ", bounds) + "}");
        }
        if (random.nextInt(3) == 0) parts.add("to: {" + (random.nextBoolean() ? "in" : "not_in") + ": " + (random.nextBoolean() ? "exchanges" : "[carol, alice]") + "}");
        if (random.nextInt(5) == 0) parts.add("from: {" + (random.nextBoolean() ? "in" : "not_in") + ": staff}");
        if (random.nextInt(5) == 0) parts.add("memo: {matches: \"inv-[0-9]+\"}");
        if (random.nextInt(4) == 0) {
            parts.add("time: {" + (random.nextBoolean() ? "within" : "outside") + ": {days: [mon, tue, wed, thu, fri], hours: \""
                    + (random.nextBoolean() ? "08:00-18:00" : "22:00-06:00") + "\", zone: " + (random.nextBoolean() ? "Europe/Berlin" : "America/New_York") + "}}");
        }
        if (random.nextInt(4) == 0) parts.add("spent: {period: " + pick(PERIODS) + ", over: \"" + pick(LIMITS) + " " + asset + "\"}");
        return parts;
    }

    private String outcome() {
        return switch (random.nextInt(3)) {
            case 0 -> "deny: no";
            case 1 -> "allow: true";
            default -> "require: " + requirement(2);
        };
    }

    private String requirement(int depth) {
        int kind = random.nextInt(depth > 0 ? 4 : 2);
        return switch (kind) {
            case 0 -> "{key: " + pick(KEYS) + "}";
            case 1 -> "{group: office, count: " + (1 + random.nextInt(3)) + "}";
            case 2 -> "{all: [" + requirement(depth - 1) + ", " + requirement(depth - 1) + "]}";
            default -> "{any: [" + requirement(depth - 1) + ", {group: security}]}";
        };
    }

    Transaction transaction(int n) {
        List<ActionRequest> actions = new ArrayList<>();
        int count = random.nextInt(5) == 0 ? 2 : 1;
        for (int i = 0; i < count; i++) {
            String account = random.nextBoolean() ? "treasury1111" : "ops111111111";
            actions.add(new ActionRequest(account, pick(ACTIONS), null, null, null, data()));
        }
        List<String> signatures = subset();
        List<String> approvedBy = random.nextInt(3) == 0 ? subset() : List.of();
        Instant time = Instant.parse("2026-11-23T00:00:00Z").plusSeconds(random.nextInt(7 * 24 * 3600));
        Map<Duration, List<Amount>> spent = new HashMap<>();
        for (Duration d : DURATIONS) {
            if (random.nextInt(4) == 0) continue;
            List<Amount> amounts = new ArrayList<>();
            if (random.nextBoolean()) amounts.add(amount("EOS"));
            if (random.nextBoolean()) amounts.add(amount("USDT"));
            spent.put(d, amounts);
        }
        Context context = new Context(random.nextInt(10) == 0 ? null : time, null, null, null, 0, spent);
        return new Transaction("t" + n, actions, signatures, List.of(), null, context, null, null, null, approvedBy);
    }

    private List<String> subset() {
        List<String> out = new ArrayList<>();
        for (String k : KEYS) if (random.nextBoolean()) out.add(k);
        return out;
    }

    private ActionData data() {
        if (random.nextInt(8) == 0) return null;
        String to = random.nextInt(8) == 0 ? null : pick(NAMES);
        String from = random.nextInt(6) == 0 ? null : pick(NAMES);
        String memo = random.nextInt(6) == 0 ? null : random.nextBoolean() ? "inv-" + random.nextInt(100) : "hello";
        Amount amount = random.nextInt(8) == 0 ? null : amount(random.nextInt(6) == 0 ? "HIVE" : pick(ASSETS));
        return new ActionData(from, to, amount, memo);
    }

    /** Near a limit (one unit either side, or on it) or anywhere below the largest. */
    private Amount amount(String asset) {
        BigDecimal unit = new BigDecimal("0.0001");
        BigDecimal value = random.nextBoolean()
                ? new BigDecimal(pick(LIMITS)).add(unit.multiply(BigDecimal.valueOf(random.nextInt(3) - 1)))
                : BigDecimal.valueOf(random.nextInt(200_000_000), 4);
        return new Amount(value.setScale(4), asset);
    }
}
