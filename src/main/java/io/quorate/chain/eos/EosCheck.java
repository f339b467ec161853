package io.quorate.chain.eos;

import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.policy.WaitWeight;
import io.quorate.reference.ChainCheck;
import io.quorate.reference.Row;
import io.quorate.reference.Verdict;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Antelope: {@code authorization_manager::check_authorization} and {@code authority_checker}
 * (AntelopeIO/spring, libraries/chain/authorization_manager.cpp and
 * libraries/chain/include/eosio/chain/authority_checker.hpp).
 */
final class EosCheck implements ChainCheck {

    /** {@code max_transaction_delay} (45 days): a delay at least this long counts as unlimited. */
    static final long MAX_TRANSACTION_DELAY_SEC = 3_888_000L;
    private static final String ANY = "eosio.any";

    private final PolicySet policy;

    EosCheck(PolicySet policy) {
        this.policy = policy;
    }

    /** A permission as {@code actor@name}. */
    record Level(String actor, String permission) implements Comparable<Level> {
        static Level parse(String text) {
            int at = text.indexOf('@');
            return at < 0 ? new Level(text, "") : new Level(text.substring(0, at), text.substring(at + 1));
        }

        @Override
        public int compareTo(Level o) {
            int c = actor.compareTo(o.actor);
            return c != 0 ? c : permission.compareTo(o.permission);
        }

        @Override
        public String toString() {
            return actor + "@" + permission;
        }
    }

    @Override
    public Verdict check(Transaction transaction, List<KeyRef> keys) {
        List<Row> rows = new ArrayList<>();
        List<Level> declared = new ArrayList<>();
        Reason firstFailure = null;
        int focus = 0;
        for (ActionRequest action : transaction.actions()) {
            Row row = new Row(action);
            rows.add(row);
            declared.add(declaredLevel(action, row));
            if (row.denied != null && firstFailure == null) {
                firstFailure = row.denied;
                focus = rows.size() - 1;
            }
        }
        if (firstFailure != null) {
            return Verdict.deny(rows, firstFailure, focus, Set.of());
        }

        // Quorate's rule: an account's action must declare at least one of the account's own permissions.
        for (int i = 0; i < rows.size(); i++) {
            String account = transaction.actions().get(i).account();
            boolean own = false;
            for (int j = 0; j < rows.size(); j++) {
                if (transaction.actions().get(j).account().equals(account) && declared.get(j).actor().equals(account)) own = true;
            }
            if (!own) {
                rows.get(i).deny(ReasonCode.IRRELEVANT_AUTHORIZATION, "account `" + account + "`: its action declares `"
                        + declared.get(i) + "`, none of its own permissions");
                return Verdict.deny(rows, rows.get(i).denied, i, Set.of());
            }
        }
        long delay = transaction.context().delaySec();
        if (delay >= MAX_TRANSACTION_DELAY_SEC) delay = Long.MAX_VALUE;
        Checker checker = new Checker(keys, transaction.approvals(), delay,
                maxDepth(policy.account(transaction.actions().get(0).account())));

        // The chain checks each distinct declared permission once, in ascending (actor, permission) order.
        TreeMap<Level, List<Integer>> toSatisfy = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            toSatisfy.computeIfAbsent(declared.get(i), l -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Level, List<Integer>> e : toSatisfy.entrySet()) {
            Checker.Result result = checker.satisfiedDeclared(e.getKey());
            for (int i : e.getValue()) {
                Row row = rows.get(i);
                row.weight = result.weight();
                row.threshold = result.threshold();
                if (result.satisfied()) {
                    row.confirmed = true;
                    row.satisfiedBy = e.getKey().toString();
                } else {
                    row.deny(ReasonCode.UNSATISFIED_AUTHORITY, "permission `" + e.getKey()
                            + "`: the signatures reach weight " + result.weight() + " of " + result.threshold());
                }
            }
            if (!result.satisfied()) {
                int first = e.getValue().get(0);
                return Verdict.deny(rows, rows.get(first).denied, first, checker.used());
            }
        }
        List<String> unused = new ArrayList<>();
        for (KeyRef k : keys) {
            if (!checker.used().contains(k.id())) unused.add(k.label());
        }
        if (!unused.isEmpty()) {
            return Verdict.denyAll(rows, new Reason(ReasonCode.IRRELEVANT_SIGNATURE,
                    "the transaction bears signatures no declared permission needed: `"
                            + String.join("`, `", unused) + "`"), checker.used());
        }
        return Verdict.allow(rows, checker.used());
    }

    private static int maxDepth(Account account) {
        return account instanceof EosAccount eos ? eos.maxAuthorityDepth() : EosAccount.DEFAULT_MAX_AUTHORITY_DEPTH;
    }

    /** The per-action checks: accounts, minimum permission by links, declared permission. */
    private Level declaredLevel(ActionRequest action, Row row) {
        if (!(policy.account(action.account()) instanceof EosAccount)) {
            row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + action.account() + "`: not in the policy");
            return null;
        }
        if (action.action() == null) {
            row.deny(ReasonCode.UNKNOWN_ACTION, "an eos action needs a name such as `contract::action`");
            return null;
        }
        Level written = action.authorization() == null ? null : Level.parse(action.authorization());
        String actor = written == null ? action.account() : written.actor();
        if (!(policy.account(actor) instanceof EosAccount account)) {
            row.deny(ReasonCode.UNKNOWN_ACCOUNT, "account `" + actor + "`: not in the policy");
            return null;
        }
        Map<String, Authority> permissions = account.permissions();
        String name = action.action();
        String minimum;
        if (name.contains("::")) {
            String contract = name.substring(0, name.indexOf("::"));
            minimum = account.links().get(name);
            if (minimum == null) minimum = account.links().get(contract + "::*");
            if (minimum == null) minimum = "active";
        } else {
            minimum = permissions.containsKey(name) ? name : "active";
        }
        boolean any = ANY.equals(minimum);
        String declared = written != null && !written.permission().isEmpty() ? written.permission()
                : any ? "active" : minimum;
        if (any) minimum = declared;
        row.required = actor + "@" + minimum;
        if (!permissions.containsKey(minimum)) {
            row.deny(ReasonCode.UNKNOWN_AUTHORITY, "account `" + actor + "`: the action needs permission `"
                    + minimum + "`, which does not exist");
            return null;
        }
        if (!permissions.containsKey(declared)) {
            row.deny(ReasonCode.UNKNOWN_AUTHORITY, "account `" + actor + "`: declared permission `" + declared
                    + "` does not exist");
            return null;
        }
        row.threshold = permissions.get(declared).threshold();
        if (!satisfies(permissions, declared, minimum)) {
            row.deny(ReasonCode.IRRELEVANT_AUTHORIZATION, "account `" + actor + "`: declared permission `"
                    + declared + "` is neither `" + minimum + "` nor one of its parents");
            return null;
        }
        return new Level(actor, declared);
    }

    /** {@code permission_object::satisfies}: the declared permission is the minimum or one of its ancestors. */
    private static boolean satisfies(Map<String, Authority> permissions, String declared, String minimum) {
        Set<String> seen = new HashSet<>();
        String current = minimum;
        while (current != null && seen.add(current)) {
            if (current.equals(declared)) return true;
            Authority a = permissions.get(current);
            current = a == null ? null : a.parent();
        }
        return false;
    }

    /** The chain's {@code authority_checker}, one per transaction. */
    private final class Checker {
        enum Status { BEING_EVALUATED, UNSATISFIED, SATISFIED }

        record Result(boolean satisfied, long weight, long threshold) {
        }

        private record Tally(boolean satisfied, long total) {
        }

        private final List<KeyRef> keys;
        private final boolean[] usedMarks;
        private final List<Level> providedPermissions = new ArrayList<>();
        private final long delay;
        private final int depthLimit;

        Checker(List<KeyRef> keys, List<String> approvals, long delay, int depthLimit) {
            this.keys = keys;
            this.usedMarks = new boolean[keys.size()];
            for (String a : approvals) providedPermissions.add(Level.parse(a));
            this.delay = delay;
            this.depthLimit = depthLimit;
        }

        Set<KeyId> used() {
            Set<KeyId> out = new HashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if (usedMarks[i]) out.add(keys.get(i).id());
            }
            return out;
        }

        /**
         * {@code satisfied(permission_level)}: a fresh cache holding the provided permissions, then the
         * declared permission visited as an account entry of weight 1 at depth 0.
         */
        Result satisfiedDeclared(Level level) {
            Map<Level, Status> cache = new HashMap<>();
            for (Level p : providedPermissions) cache.put(p, Status.SATISFIED);
            Authority authority = lookup(level);
            long threshold = authority == null ? 0 : authority.threshold();
            Status status = statusInCache(cache, level);
            if (status != null) {
                boolean ok = status == Status.SATISFIED;
                return new Result(ok, ok ? threshold : 0, threshold);
            }
            if (0 >= depthLimit || authority == null) return new Result(false, 0, threshold);
            cache.put(level, Status.BEING_EVALUATED);
            Tally tally = evaluate(authority, cache, 1);
            cache.put(level, tally.satisfied() ? Status.SATISFIED : Status.UNSATISFIED);
            return new Result(tally.satisfied(), tally.total(), threshold);
        }

        private Authority lookup(Level level) {
            return policy.account(level.actor()) instanceof EosAccount eos
                    ? eos.permissions().get(level.permission()) : null;
        }

        private Status statusInCache(Map<Level, Status> cache, Level level) {
            Status s = cache.get(level);
            if (s != null) return s;
            return cache.get(new Level(level.actor(), ""));
        }

        /** One authority: entries by weight descending, waits before keys before accounts; stop at the threshold. */
        private Tally evaluate(Authority authority, Map<Level, Status> cache, int depth) {
            boolean[] saved = usedMarks.clone();
            List<Entry> entries = new ArrayList<>();
            authority.accounts().stream()
                    .sorted(Comparator.comparing((AccountWeight a) -> new Level(a.account(), nz(a.authority()))))
                    .forEach(a -> entries.add(new Entry(a.weight(), 1, null, a, null)));
            authority.keys().stream().sorted(Comparator.comparing((KeyWeight k) -> k.key().id()))
                    .forEach(k -> entries.add(new Entry(k.weight(), 2, k, null, null)));
            authority.waits().stream().sorted(Comparator.comparingLong(WaitWeight::seconds))
                    .forEach(w -> entries.add(new Entry(w.weight(), 3, null, null, w)));
            entries.sort(Comparator.comparingInt(Entry::weight).thenComparingInt(Entry::priority).reversed());

            long total = 0;
            for (Entry e : entries) {
                total += visit(e, cache, depth);
                if (total >= authority.threshold()) {
                    return new Tally(true, total);
                }
            }
            System.arraycopy(saved, 0, usedMarks, 0, saved.length);
            return new Tally(false, total);
        }

        private long visit(Entry e, Map<Level, Status> cache, int depth) {
            if (e.key() != null) {
                for (int i = 0; i < keys.size(); i++) {
                    if (keys.get(i).id().equals(e.key().key().id())) {
                        usedMarks[i] = true;
                        return e.weight();
                    }
                }
                return 0;
            }
            if (e.waitEntry() != null) {
                return delay >= e.waitEntry().seconds() ? e.weight() : 0;
            }
            Level level = new Level(e.account().account(), nz(e.account().authority()));
            Status status = statusInCache(cache, level);
            if (status == null) {
                if (depth < depthLimit) {
                    Authority authority = lookup(level);
                    if (authority == null) return 0;
                    cache.put(level, Status.BEING_EVALUATED);
                    boolean ok = evaluate(authority, cache, depth + 1).satisfied();
                    cache.put(level, ok ? Status.SATISFIED : Status.UNSATISFIED);
                    return ok ? e.weight() : 0;
                }
                return 0;
            }
            return status == Status.SATISFIED ? e.weight() : 0;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    private record Entry(int weight, int priority, KeyWeight key, AccountWeight account, WaitWeight waitEntry) {
    }
}
