package io.quorate.chain.generic;

import io.quorate.compile.ChainLayout;
import io.quorate.compile.Entry;
import io.quorate.compile.Layout;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyWeight;
import java.util.ArrayList;
import java.util.List;

/** Generic authorities: every entry counts, so the written order is kept (keys, then references). */
public final class GenericLayout implements ChainLayout {

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public List<String> authorityNames(Account account) {
        return List.copyOf(((GenericAccount) account).authorities().keySet());
    }

    @Override
    public Program program(Account account, String name, Layout layout) {
        Authority a = ((GenericAccount) account).authorities().get(name);
        List<Entry> entries = new ArrayList<>();
        for (KeyWeight k : a.keys()) entries.add(layout.key(k.key(), k.weight()));
        for (AccountWeight ref : a.accounts()) entries.add(Entry.account(layout.sameChainProgram(ref), ref.label(), ref.weight()));
        return layout.program(a, entries, layout.parent(a));
    }
}
