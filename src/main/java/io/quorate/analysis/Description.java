package io.quorate.analysis;

import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.List;

/** The one-line summaries {@code quorate explain} prints. */
final class Description {

    private Description() {
    }

    static String of(Figures figures, List<KeyRef> keys, Formula formula) {
        if (!figures.satisfiable()) return never(formula);
        if (figures.minSigners() == 0) return "always satisfied: no signature is needed";
        String shape = shape(formula, keys, true);
        if (figures.exact()) {
            String text = shape + " — survives the loss of " + count(figures.maxKeyLoss(), "key") + "; "
                    + count(figures.minSigners(), "key") + " can act";
            if (figures.minHolders() >= 0 && figures.minHolders() < figures.minSigners()) {
                text += ", held by " + count(figures.minHolders(), "holder");
            }
            return text;
        }
        return shape + " — survives the loss of at least " + count(figures.maxKeyLoss(), "key") + "; at least "
                + count(figures.minSigners(), "key") + " needed to act (search budget reached)";
    }

    private static String never(Formula formula) {
        if (formula instanceof Formula.Threshold t) {
            long total = 0;
            for (Formula.Part p : t.parts()) {
                if (p.weight() > 0 && p.formula().holds(k -> true)) total += p.weight();
            }
            return "can never be satisfied: total weight " + total + " of threshold " + t.threshold();
        }
        return "can never be satisfied";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String shape(Formula f, List<KeyRef> keys, boolean top) {
        if (f instanceof Formula.Key k) return keys.get(k.key()).label();
        if (f instanceof Formula.Never) return "nothing";
        if (f instanceof Formula.Always) return "no signature";
        if (f instanceof Formula.Any a) {
            List<String> alts = new ArrayList<>();
            for (Formula x : a.formulas()) alts.add(shape(x, keys, false));
            String s = String.join(" or ", alts);
            return top || alts.size() < 2 ? s : "(" + s + ")";
        }
        Formula.Threshold t = (Formula.Threshold) f;
        List<Formula.Part> parts = t.parts().stream().filter(p -> p.weight() > 0).toList();
        boolean flat = !parts.isEmpty() && parts.stream().allMatch(p -> p.formula() instanceof Formula.Key
                && p.weight() == parts.get(0).weight());
        String s;
        if (flat) {
            long w = parts.get(0).weight();
            long n = (t.threshold() + w - 1) / w;
            List<String> names = new ArrayList<>();
            for (Formula.Part p : parts) names.add(shape(p.formula(), keys, false));
            s = "any " + n + " of " + String.join(", ", names);
        } else {
            List<String> items = new ArrayList<>();
            for (Formula.Part p : parts) items.add(shape(p.formula(), keys, false) + " " + p.weight());
            s = "weights " + String.join(", ", items) + ", threshold " + t.threshold();
        }
        return top ? s : "(" + s + ")";
    }
}
