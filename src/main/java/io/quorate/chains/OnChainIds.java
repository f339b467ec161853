package io.quorate.chains;

import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-chain ids of a policy set's accounts and authorities, so reports can show them next to
 * the names people chose. Each chain says its own through its {@link ChainIds}.
 */
public final class OnChainIds {

    private OnChainIds() {
    }

    /**
     * From the names decisions and findings use ({@code account}, {@code account@descriptor},
     * {@code account@key}) to the chain's id, in declaration order; only ids known for certain.
     */
    public static Map<String, String> of(PolicySet policy) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OnChainId id : list(policy)) {
            if (id.kind().certain()) out.putIfAbsent(id.subject(), id.id());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every id known or derivable for the set's accounts, in declaration order. */
    public static List<OnChainId> list(PolicySet policy) {
        List<OnChainId> out = new ArrayList<>();
        for (Account a : policy.accounts().values()) out.addAll(of(a));
        return out;
    }

    /** The ids of one account. */
    public static List<OnChainId> of(Account account) {
        ChainIds ids = ChainIds.all().get(account.chain());
        return ids == null ? List.of() : ids.of(account);
    }
}
