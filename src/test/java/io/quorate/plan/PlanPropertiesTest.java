package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.lint.LintOptions;
import io.quorate.lint.Linter;
import io.quorate.chain.casper.CasperAccount;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over random plans (seeded, so a failure replays): applying a plan step by step
 * gives the policy one would write directly; no plan reported safe leaves an authority that
 * can never be satisfied; an order proposed by reorder is accepted and safe when replayed.
 */
class PlanPropertiesTest {

    static final int PLANS = 30;

    static String hash(int i) {
        return String.format("account-hash-%064x", i + 1);
    }

    /** A random Casper account and a random plan over it, signed by every key (so the content decides). */
    static String[] casper(Random rnd) {
        Map<Integer, Integer> keys = new LinkedHashMap<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) keys.put(i, 1 + rnd.nextInt(3));
        int total = keys.values().stream().mapToInt(Integer::intValue).sum();
        int km = 1 + rnd.nextInt(total);
        int dep = 1 + rnd.nextInt(km);
        StringBuilder policy = new StringBuilder("quorate: 1\naccounts:\n  acct:\n    chain: casper\n    keys:\n");
        keys.forEach((k, w) -> policy.append("      - {key: ").append(hash(k)).append(", weight: ").append(w).append("}\n"));
        policy.append("    thresholds: {deployment: ").append(dep).append(", key_management: ").append(km).append("}\n");
        StringBuilder plan = new StringBuilder("quorate: 1\naccount: acct\nsteps:\n");
        List<String> signers = new ArrayList<>();
        for (int i = 0; i < 5; i++) signers.add(hash(i));
        int steps = 1 + rnd.nextInt(4);
        for (int s = 0; s < steps; s++) {
            int key = rnd.nextInt(5);
            String sig = ", signatures: [" + String.join(", ", signers.subList(0, 3)) + "]}";
            plan.append("  - {id: s").append(s + 1).append(", ");
            switch (rnd.nextInt(4)) {
                case 0 -> plan.append("op: add_associated_key, key: ").append(hash(key)).append(", weight: ").append(1 + rnd.nextInt(3)).append(sig);
                case 1 -> plan.append("op: update_associated_key, key: ").append(hash(key)).append(", weight: ").append(rnd.nextInt(4)).append(sig);
                case 2 -> plan.append("op: remove_associated_key, key: ").append(hash(key)).append(sig);
                default -> plan.append("op: set_action_threshold, action: ").append(rnd.nextBoolean() ? "deployment" : "key_management")
                        .append(", threshold: ").append(rnd.nextInt(6)).append(sig);
            }
            plan.append('\n');
        }
        return new String[] {policy.toString(), plan.toString()};
    }

    /** The final account written directly: the start with every accepted step's effect, by a model of its own. */
    static String direct(String policyYaml, PlanReport report, CasperAccount start) throws Exception {
        Map<String, Integer> keys = new LinkedHashMap<>();
        start.keys().forEach(k -> keys.put(k.key().id().canonical(), k.weight()));
        int[] thresholds = {start.deployment(), start.keyManagement()};
        Map<String, String> labels = new LinkedHashMap<>();
        start.keys().forEach(k -> labels.put(k.key().id().canonical(), k.key().label()));
        for (StepReport s : report.steps()) {
            if (s.verdict() == StepReport.Verdict.REJECTED) continue;
            var node = s.step().node();
            String op = s.step().op();
            if (op.equals("set_action_threshold")) {
                int t = Integer.parseInt(((io.quorate.yaml.YamlScalar) node.get("threshold")).text());
                thresholds["deployment".equals(((io.quorate.yaml.YamlScalar) node.get("action")).text()) ? 0 : 1] = t;
                continue;
            }
            String text = ((io.quorate.yaml.YamlScalar) node.get("key")).text();
            String id = io.quorate.chain.casper.CasperKeys.FORMAT.decode(text).canonical();
            labels.putIfAbsent(id, text);
            if (op.equals("remove_associated_key")) keys.remove(id);
            else keys.put(id, Integer.parseInt(((io.quorate.yaml.YamlScalar) node.get("weight")).text()));
        }
        StringBuilder out = new StringBuilder("quorate: 1\naccounts:\n  acct:\n    chain: casper\n    keys:\n");
        keys.forEach((id, w) -> out.append("      - {key: ").append(labels.get(id)).append(", weight: ").append(w).append("}\n"));
        out.append("    thresholds: {deployment: ").append(thresholds[0]).append(", key_management: ").append(thresholds[1]).append("}\n");
        return out.toString();
    }

    static List<String> shape(CasperAccount a) {
        List<String> out = new ArrayList<>(a.keys().stream().map(k -> k.key().id() + "=" + k.weight()).sorted().toList());
        out.add("deployment=" + a.deployment());
        out.add("key_management=" + a.keyManagement());
        return out;
    }

    @Test
    void applying_a_plan_step_by_step_gives_the_policy_written_directly() throws Exception {
        Random rnd = new Random(20261202L);
        for (int i = 0; i < PLANS; i++) {
            String[] c = casper(rnd);
            Plan plan = Plans.load(c[0], c[1]);
            PlanReport r;
            try (PlanRunner runner = new PlanRunner()) {
                r = runner.run(plan);
            }
            CasperAccount start = (CasperAccount) plan.start().account("acct");
            PolicySet written = PolicyLoader.load("direct.yaml", direct(c[0], r, start));
            assertEquals(shape((CasperAccount) written.account("acct")), shape((CasperAccount) r.end().account("acct")), c[0] + c[1]);
        }
    }

    @Test
    void no_plan_reported_safe_leaves_an_authority_that_can_never_be_satisfied() {
        Random rnd = new Random(7L);
        int safe = 0;
        for (int i = 0; i < PLANS; i++) {
            String[] c = i % 2 == 0 ? casper(rnd) : generic(rnd);
            PlanReport r = Plans.run(c[0], c[1]);
            if (!r.verdict().equals("safe")) continue;
            safe++;
            boolean unreachable = Linter.lint(r.end(), LintOptions.defaults()).findings().stream()
                    .anyMatch(f -> f.id().equals("threshold-unreachable"));
            assertTrue(!unreachable, c[0] + c[1]);
        }
        assertNotEquals(0, safe);
    }

    @Test
    void a_proposed_reorder_is_accepted_and_safe_when_replayed() {
        Random rnd = new Random(99L);
        int replayed = 0;
        for (int i = 0; i < PLANS; i++) {
            String[] c = shuffled(rnd);
            PlanReport r = Plans.run(c[0], c[1]);
            if (r.reorder() == null) continue;
            Map<String, String> lines = new LinkedHashMap<>();
            for (String line : c[1].split("\n")) {
                int at = line.indexOf("{id: ");
                if (at >= 0) lines.put(line.substring(at + 5, line.indexOf(',', at)), line);
            }
            StringBuilder again = new StringBuilder("quorate: 1\naccount: acct\nsteps:\n");
            r.reorder().forEach(id -> again.append(lines.get(id)).append('\n'));
            PlanReport replay = Plans.run(c[0], again.toString());
            assertEquals("safe", replay.verdict(), c[0] + again);
            replayed++;
        }
        assertNotEquals(0, replayed);
    }

    /** Keys added and both thresholds raised, in a random order: often refused as written, always fine in some order. */
    static String[] shuffled(Random rnd) {
        String policy = "quorate: 1\naccounts:\n  acct:\n    chain: casper\n    keys:\n      - {key: " + hash(0) + ", weight: "
                + (1 + rnd.nextInt(3)) + "}\n    thresholds: {deployment: 1, key_management: 1}\n";
        String sig = ", signatures: [" + hash(0) + ", " + hash(1) + ", " + hash(2) + ", " + hash(3) + "]}";
        List<String> steps = new ArrayList<>();
        int total = 1;
        int added = 1 + rnd.nextInt(3);
        for (int k = 1; k <= added; k++) {
            int w = 1 + rnd.nextInt(3);
            total += w;
            steps.add("op: add_associated_key, key: " + hash(k) + ", weight: " + w + sig);
        }
        int km = 2 + rnd.nextInt(Math.max(1, total - 1));
        int dep = 1 + rnd.nextInt(km);
        steps.add("op: set_action_threshold, action: key_management, threshold: " + km + sig);
        steps.add("op: set_action_threshold, action: deployment, threshold: " + dep + sig);
        java.util.Collections.shuffle(steps, rnd);
        StringBuilder plan = new StringBuilder("quorate: 1\naccount: acct\nsteps:\n");
        for (int i = 0; i < steps.size(); i++) plan.append("  - {id: s").append(i + 1).append(", ").append(steps.get(i)).append('\n');
        return new String[] {policy, plan.toString()};
    }

    /** A random generic account and plan of authority changes. */
    static String[] generic(Random rnd) {
        String policy = """
                quorate: 1
                accounts:
                  acct:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                      spend: {parent: admin, threshold: 1, keys: [{key: k4, weight: 1}]}
                    actions: {withdraw: spend, "*": admin}
                """;
        StringBuilder plan = new StringBuilder("quorate: 1\naccount: acct\nsteps:\n");
        int steps = 1 + rnd.nextInt(3);
        for (int s = 0; s < steps; s++) {
            String name = rnd.nextBoolean() ? "spend" : "audit";
            int t = rnd.nextInt(4);
            plan.append("  - {op: set_authority, authority: ").append(name).append(", parent: admin, threshold: ").append(t)
                    .append(", keys: [{key: k").append(4 + rnd.nextInt(2)).append(", weight: ").append(rnd.nextInt(3))
                    .append("}], signatures: [k1, k2]}\n");
        }
        return new String[] {policy, plan.toString()};
    }

    @Test
    void generic_plans_end_where_their_last_accepted_change_puts_them() {
        String[] c = {generic(new Random(1))[0], """
                quorate: 1
                account: acct
                steps:
                  - {op: set_authority, authority: audit, parent: admin, threshold: 1, keys: [{key: k5, weight: 1}], signatures: [k1, k2]}
                  - {op: remove_authority, authority: audit, signatures: [k1, k2]}
                """};
        PlanReport r = Plans.run(c[0], c[1]);
        assertEquals("safe", r.verdict());
        assertTrue(!((GenericAccount) r.end().account("acct")).authorities().containsKey("audit"));
    }
}
