package io.quorate.chain.eos;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.rules.ChainRules;
import io.quorate.rules.Condition;
import io.quorate.rules.Conditions;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.List;

/** An EOS permission's rule: the permissions it stands for (itself and its descendants), then its checker. */
public final class EosRules implements ChainRules<EosAuthorityCheck> {

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public Class<EosAuthorityCheck> fact() {
        return EosAuthorityCheck.class;
    }

    @Override
    public List<Condition<EosAuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        String[] within = descendantsAndSelf(policy, p);
        long threshold = p.threshold();
        var entries = p.entries();
        return List.of(
                new Condition<>(() -> Conditions.strings("minimumWithin", within), c -> c.minimumWithin(within)),
                new Condition<>(() -> Conditions.call("authority", threshold, entries), c -> c.authority(threshold, entries)));
    }

    /** The links: which permission each action needs (its minimum permission); unlinked actions need active. */
    @Override
    public List<String> notes(Account account) {
        List<String> notes = new ArrayList<>();
        ((EosAccount) account).links().forEach((action, permission) -> notes.add("link " + action + " -> " + permission));
        return notes;
    }

    /** The permissions of the account whose parent chain reaches {@code p}, {@code p} first. */
    static String[] descendantsAndSelf(CompiledPolicy policy, Program p) {
        CompiledAccount account = policy.account(p.account());
        List<String> names = new ArrayList<>();
        names.add(p.name());
        for (int id : account.programs().values()) {
            Program q = policy.program(id);
            int hops = 0;
            for (int up = q.parent(); up >= 0 && hops <= account.programs().size(); up = policy.program(up).parent(), hops++) {
                if (up == p.id()) {
                    names.add(q.name());
                    break;
                }
            }
        }
        return names.toArray(String[]::new);
    }
}
