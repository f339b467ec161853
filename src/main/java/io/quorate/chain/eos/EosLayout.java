package io.quorate.chain.eos;

import io.quorate.compile.ChainLayout;
import io.quorate.compile.Entry;
import io.quorate.compile.Layout;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.WaitWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** EOS permissions in the authority checker's visiting order: weight descending; on equal weight waits, keys, then accounts. */
public final class EosLayout implements ChainLayout {

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public List<String> authorityNames(Account account) {
        return List.copyOf(((EosAccount) account).permissions().keySet());
    }

    @Override
    public Program program(Account account, String name, Layout layout) {
        Authority a = ((EosAccount) account).permissions().get(name);
        List<Entry> entries = new ArrayList<>();
        for (WaitWeight w : a.waits()) entries.add(Entry.delay(w.seconds(), w.weight()));
        for (KeyWeight k : a.keys()) entries.add(layout.key(k.key(), k.weight()));
        for (AccountWeight ref : a.accounts()) entries.add(Entry.account(layout.sameChainProgram(ref), ref.label(), ref.weight()));
        entries.sort(Comparator.comparingInt((Entry e) -> -e.weight()).thenComparing(layout.byKindThenSortKey()));
        return layout.program(a, entries, layout.parent(a));
    }
}
