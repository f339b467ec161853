package io.quorate.testing;

import io.quorate.diag.SourceLocation;
import io.quorate.engine.Decision;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of the policies under test were exercised by at least one allowing and one denying
 * case (a part of the organisation's conditions: on both of its sides). A part is counted once
 * however many policy sets (test files) include its file; the decisions of every case under any of
 * them count toward it. A policy no case decides is registered all the same, at 0 %.
 */
public final class Coverage {

    /**
     * What each side of a part asks for, as reports say it is wanting: {@code first} when only the
     * first is missing, {@code second} when only the second is (null: the part has one side),
     * {@code neither} when both are.
     */
    public record Sides(String first, String second, String neither) {

        /** The chain's parts: an allowing and a denying case. */
        public static final Sides DECISIONS = new Sides("no allowing case", "no denying case", "no allowing and no denying case");
        /** A condition rule: a case where its `when` held and one where it was reached and did not hold. */
        public static final Sides RULE = new Sides("no case where it matched", "no case where it was reached and did not hold",
                "no case where it matched and none where it did not hold");
        /** A condition rule whose `when` always holds: a case where it matched. */
        public static final Sides ALWAYS = new Sides("no case where it matched", null, "no case where it matched");
        /** An alternative of a `require`: a case where the rule's requirement was weighed with it met, and one with it unmet. */
        public static final Sides REQUIREMENT = new Sides("no case where it was met", "no case where it was not met",
                "no case where it was met and none where it was not");
        /** A set's default: a case it decided. */
        public static final Sides DEFAULT = new Sides("no case where it decided", null, "no case where it decided");
    }

    /**
     * One part of a policy and whether its two sides were exercised: for the chain's parts an
     * allowing and a denying case ({@code allowed}, {@code denied}); for a condition its two sides
     * as {@code sides} names them (a part with one side has {@code denied} always true).
     */
    public record Item(String account, String kind, String description, SourceLocation at, boolean allowed, boolean denied,
            Sides sides) {

        public Item(String account, String kind, String description, SourceLocation at, boolean allowed, boolean denied) {
            this(account, kind, description, at, allowed, denied, Sides.DECISIONS);
        }

        public boolean covered() {
            return allowed && denied;
        }

        /** What is still wanted: "no allowing case", "no denying case", both, or what a condition's sides ask for. */
        public String wanting() {
            if (!allowed && !denied) return sides.neither();
            return allowed ? sides.second() : sides.first();
        }
    }

    /** The items of one account, in the order they are written. */
    public record Account(String name, SourceLocation at, List<Item> items) {

        public long covered() {
            return items.stream().filter(Item::covered).count();
        }

        public double percent() {
            return items.isEmpty() ? 100.0 : 100.0 * covered() / items.size();
        }

        public List<Item> uncovered() {
            return items.stream().filter(i -> !i.covered()).toList();
        }
    }

    private static final class Tally {
        final CoverageModel.Target target;
        boolean allowed;
        boolean denied;

        Tally(CoverageModel.Target target) {
            this.target = target;
            this.denied = target.sides().second() == null;
        }
    }

    /** A decided case, kept until the report: whether it exercises an authority depends on every allowing case. */
    private record Decided(CoverageModel model, Transaction tx, Decision decision) {
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, SourceLocation> accounts = new LinkedHashMap<>();
    private final List<Decided> decided = new ArrayList<>();
    private boolean counted;

    /** Adds the parts of a policy set (once each). */
    void register(CoverageModel model, Map<String, SourceLocation> accountsAt) {
        for (CoverageModel.Target t : model.targets()) tallies.putIfAbsent(t.key(), new Tally(t));
        accountsAt.forEach(accounts::putIfAbsent);
    }

    /** Whether a policy file's accounts are already among the registered ones (its file as locations name it). */
    boolean registers(java.nio.file.Path file) {
        java.nio.file.Path wanted = file.toAbsolutePath().normalize();
        for (String key : accounts.keySet()) {
            String written = key.substring(key.indexOf('\u0000') + 1);
            if (!written.isEmpty() && java.nio.file.Path.of(written).toAbsolutePath().normalize().equals(wanted)) return true;
        }
        return false;
    }

    /** Keeps a decided case, decided against the policy set {@code model} describes. */
    void record(CoverageModel model, Transaction tx, Decision d) {
        decided.add(new Decided(model, tx, d));
        counted = false;
    }

    /** Marks what every decided case exercised, among the parts of the policy set it was decided against. */
    private void count() {
        if (counted) return;
        counted = true;
        Map<String, java.util.Set<String>> authorizedBy = new java.util.HashMap<>();
        for (Decided c : decided) {
            if (!c.decision().allowed()) continue;
            for (io.quorate.engine.ActionDecision a : c.decision().actions()) {
                if (a.satisfiedBy() != null) {
                    authorizedBy.computeIfAbsent(CoverageModel.Exercise.actionKey(a), k -> new java.util.HashSet<>()).add(a.satisfiedBy());
                }
            }
        }
        tallies.values().forEach(t -> {
            t.allowed = false;
            t.denied = t.target.sides().second() == null;
        });
        for (Decided c : decided) {
            for (CoverageModel.Exercise x : CoverageModel.exercises(c.tx(), c.decision(), authorizedBy)) {
                for (CoverageModel.Target t : c.model().targets(x.action().account())) {
                    Tally tally = tallies.get(t.key());
                    if (tally == null || tally.allowed && tally.denied) continue;
                    if (!tally.allowed && t.exercised().test(x, true)) tally.allowed = true;
                    if (!tally.denied && t.exercised().test(x, false)) tally.denied = true;
                }
            }
        }
    }

    /** Every account with parts, ordered by where it is written. */
    public List<Account> accounts() {
        count();
        Map<String, List<Item>> byAccount = new LinkedHashMap<>();
        for (Tally t : tallies.values()) {
            CoverageModel.Target target = t.target;
            byAccount.computeIfAbsent(target.account() + "\u0000" + accountFile(target), k -> new ArrayList<>())
                    .add(new Item(target.account(), target.kind(), target.description(), target.at(), t.allowed, t.denied,
                            target.sides()));
        }
        List<Account> out = new ArrayList<>();
        byAccount.forEach((key, items) -> {
            String name = items.get(0).account();
            SourceLocation at = accounts.getOrDefault(name + "\u0000" + accountFile(items.get(0)), items.get(0).at());
            List<Item> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparingInt((Item i) -> i.at() == null ? 0 : i.at().line())
                    .thenComparingInt(i -> i.at() == null ? 0 : i.at().column()));
            out.add(new Account(name, at, sorted));
        });
        out.sort(Comparator.comparing((Account a) -> a.at() == null ? "" : a.at().file())
                .thenComparingInt(a -> a.at() == null ? 0 : a.at().line()));
        return out;
    }

    private static String accountFile(CoverageModel.Target t) {
        return t.at() == null ? "" : t.at().file();
    }

    private static String accountFile(Item i) {
        return i.at() == null ? "" : i.at().file();
    }

    /** The share of items covered over every account, in percent (100 when there is nothing to cover). */
    public double percent() {
        long total = 0;
        long covered = 0;
        for (Account a : accounts()) {
            total += a.items().size();
            covered += a.covered();
        }
        return total == 0 ? 100.0 : 100.0 * covered / total;
    }

    /** The accounts below {@code min} percent. */
    public List<Account> below(double min) {
        return accounts().stream().filter(a -> a.percent() + 1e-9 < min).toList();
    }
}
