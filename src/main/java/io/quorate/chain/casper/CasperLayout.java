package io.quorate.chain.casper;

import io.quorate.compile.ChainLayout;
import io.quorate.compile.Entry;
import io.quorate.compile.Layout;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyWeight;
import java.util.List;
import java.util.Set;

/** Casper's action thresholds, each over all the associated keys in the order written. */
public final class CasperLayout implements ChainLayout {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public List<String> authorityNames(Account account) {
        return ((CasperAccount) account).version() >= 2 ? List.of("deployment", "key_management", "upgrade_management")
                : List.of("deployment", "key_management");
    }

    @Override
    public Program program(Account account, String name, Layout layout) {
        CasperAccount casper = (CasperAccount) account;
        long threshold = switch (name) {
            case "deployment" -> casper.deployment();
            case "key_management" -> casper.keyManagement();
            default -> casper.upgradeManagement();
        };
        List<Entry> keys = casper.keys().stream().map((KeyWeight k) -> layout.key(k.key(), k.weight())).toList();
        return layout.program(name, threshold, keys, -1, null, Set.of());
    }
}
