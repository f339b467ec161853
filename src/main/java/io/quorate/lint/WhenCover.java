package io.quorate.lint;

import io.quorate.policy.conditions.AmountBound;
import io.quorate.policy.conditions.Membership;
import io.quorate.policy.conditions.When;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.Collections;

/**
 * What a condition's {@code when} can hold for, field by field, and whether one {@code when} holds
 * whenever another does. Only what is certain counts: a field is compared with the same field of
 * the other rule (actions by name, assets by symbol, amounts as the inclusive range of whole units
 * of the asset, lists by their entries, memos by their pattern's text, spending limits by period
 * and limit, time windows at the tested {@link Moments}); anything else is taken as not covered.
 */
final class WhenCover {

    /** A rule's {@code when} with its amounts as an inclusive range ({@code high} null: no upper end) and its moments. */
    record Shape(When when, BigDecimal low, BigDecimal high, BitSet moments) {

        /** Why the {@code when} can hold for no action at all, or null. */
        String neverHolds() {
            if (high != null && low.compareTo(high) > 0) {
                return "no amount of " + when.asset() + " is " + String.join(" and ", when.amount().stream()
                        .map(b -> b.op().symbol() + " " + b.limit().text()).toList());
            }
            if (when.to() != null && when.to().in() && when.to().list().size() == 0) return "`to` is `in` an empty list";
            if (when.from() != null && when.from().in() && when.from().list().size() == 0) return "`from` is `in` an empty list";
            if (moments.isEmpty()) return "its time window leaves no moment: `" + (when.time().within() ? "within" : "outside") + "` "
                    + when.time().daysText() + " " + when.time().hoursText() + " " + when.time().zone().getId();
            return null;
        }

        /** Whether the rule holds only at some moments, and needs nothing of the action. */
        boolean onlyTime() {
            return when.actions().isEmpty() && !when.needsAmount() && when.to() == null && when.from() == null && when.memo() == null;
        }
    }

    private final Moments moments = new Moments();

    Shape shape(When w) {
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = null;
        for (AmountBound b : w.amount()) {
            BigDecimal v = b.limit().value();
            BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, v.scale()));
            switch (b.op()) {
                case GT -> low = low.max(v.add(unit));
                case GE -> low = low.max(v);
                case LT -> high = min(high, v.subtract(unit));
                case LE -> high = min(high, v);
            }
        }
        return new Shape(w, low, high, moments.holds(w.time()));
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.min(b);
    }

    /** Whether {@code earlier} holds for every action and moment {@code later} holds for. */
    static boolean covers(Shape earlier, Shape later) {
        When e = earlier.when();
        When l = later.when();
        if (!e.actions().isEmpty() && (l.actions().isEmpty() || !e.actions().containsAll(l.actions()))) return false;
        if (!e.assets().isEmpty() && (l.assets().isEmpty() || !e.assets().containsAll(l.assets()))) return false;
        if (!e.amount().isEmpty()) {
            if (earlier.low().compareTo(later.low()) > 0) return false;
            if (earlier.high() != null && (later.high() == null || later.high().compareTo(earlier.high()) > 0)) return false;
        }
        if (!covers(e.to(), l.to()) || !covers(e.from(), l.from())) return false;
        if (e.memo() != null && (l.memo() == null || !e.memo().regex().equals(l.memo().regex()))) return false;
        if (e.spent() != null) {
            if (l.spent() == null || !e.spent().period().duration().equals(l.spent().period().duration())) return false;
            if (!e.spent().over().asset().equals(l.spent().over().asset())) return false;
            if (e.spent().over().value().compareTo(l.spent().over().value()) > 0) return false;
        }
        return Moments.within(later.moments(), earlier.moments());
    }

    /** Whether every account {@code later} accepts is accepted by {@code earlier}. */
    private static boolean covers(Membership earlier, Membership later) {
        if (earlier == null) return true;
        if (later == null) return false;
        // one list (a named list used twice): its entries need not be compared one by one
        if (earlier.list() == later.list() && earlier.in() == later.in()) return true;
        if (earlier.in() && later.in()) return earlier.list().entries().containsAll(later.list().entries());
        if (!earlier.in() && !later.in()) return later.list().entries().containsAll(earlier.list().entries());
        if (!earlier.in()) return Collections.disjoint(earlier.list().entries(), later.list().entries());
        return false;
    }
}
