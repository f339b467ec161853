package io.quorate.chain.hive;

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

/**
 * Hive roles as sign_state visits them: keys in key order, then accounts in name order (the weight
 * does not matter). An account entry refers to the account (its role is the phase's), -1 when the
 * account is not a Hive account of the policy.
 */
public final class HiveLayout implements ChainLayout {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public List<String> authorityNames(Account account) {
        HiveAccount hive = (HiveAccount) account;
        List<String> roles = new ArrayList<>();
        for (String role : List.of("owner", "active", "posting")) {
            if (hive.role(role) != null) roles.add(role);
        }
        return roles;
    }

    @Override
    public Program program(Account account, String name, Layout layout) {
        Authority a = ((HiveAccount) account).role(name);
        List<Entry> entries = new ArrayList<>();
        for (KeyWeight k : a.keys()) entries.add(layout.key(k.key(), k.weight()));
        for (AccountWeight ref : a.accounts()) {
            boolean hive = layout.policy().account(ref.account()) instanceof HiveAccount;
            entries.add(Entry.account(hive ? layout.account(ref.account()) : -1, ref.label(), ref.weight()));
        }
        entries.sort(layout.byKindThenSortKey());
        return layout.program(a, entries, -1);
    }
}
