package io.quorate.plan;

import io.quorate.policy.PolicySet;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for an order of a plan's steps in which every step is authorized, accepted and safe:
 * a depth-first search over the order of the units (a Casper deploy moves as one), each step
 * judged as the plan would judge it, within a budget of judged units so that a long plan ends.
 */
final class Reorder {

    static final int MAX_UNITS = 10;
    static final int BUDGET = 400;

    private final PlanRunner runner;
    private int spent;

    Reorder(PlanRunner runner) {
        this.runner = runner;
    }

    /** The step labels in a safe order, or null when there is none (or none within the budget). */
    List<String> find(PolicySet start, List<List<Operation>> units) {
        if (units.size() > MAX_UNITS) return null;
        List<List<Operation>> order = search(start, List.of(), units, new ArrayList<>());
        if (order == null) return null;
        List<String> labels = new ArrayList<>();
        order.forEach(u -> u.forEach(op -> labels.add(op.step().label())));
        return labels;
    }

    private List<List<Operation>> search(PolicySet state, List<Step> applied, List<List<Operation>> left, List<List<Operation>> done) {
        if (left.isEmpty()) return done;
        for (int i = 0; i < left.size(); i++) {
            for (List<Operation> unit : orders(left.get(i))) {
                if (++spent > BUDGET) return null;
                PlanRunner.Result r = runner.applyUnit(state, unit, applied);
                if (!r.allOk()) continue;
                List<List<Operation>> rest = new ArrayList<>(left);
                rest.remove(i);
                List<List<Operation>> next = new ArrayList<>(done);
                next.add(unit);
                List<List<Operation>> found = search(r.end(), r.applied(), rest, next);
                if (found != null) return found;
                if (spent > BUDGET) return null;
            }
        }
        return null;
    }

    /** The orders a deploy's calls may run in: as written first, then the others (a deploy of at most 4 calls). */
    static List<List<Operation>> orders(List<Operation> unit) {
        List<List<Operation>> out = new ArrayList<>();
        out.add(unit);
        if (unit.size() < 2 || unit.size() > 4) return out;
        permute(new ArrayList<>(), new ArrayList<>(unit), out);
        return out.stream().distinct().toList();
    }

    private static void permute(List<Operation> prefix, List<Operation> rest, List<List<Operation>> out) {
        if (rest.isEmpty()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            List<Operation> p = new ArrayList<>(prefix);
            p.add(rest.get(i));
            List<Operation> r = new ArrayList<>(rest);
            r.remove(i);
            permute(p, r, out);
        }
    }
}
