package io.quorate.chains;

import io.quorate.chains.OnChainId.Kind;
import io.quorate.chains.ft4.Ft4Ids;
import io.quorate.policy.Account;
import io.quorate.policy.AuthDescriptor;
import io.quorate.policy.CasperAccount;
import io.quorate.policy.EosAccount;
import io.quorate.policy.Ft4Account;
import io.quorate.policy.HiveAccount;
import io.quorate.keys.KeyId;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The on-chain ids of a policy set's accounts and authorities, so reports can show them next to
 * the names people chose. Generic accounts have none.
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
        String name = account.name();
        List<OnChainId> out = new ArrayList<>();
        if (account instanceof EosAccount || account instanceof HiveAccount) {
            out.add(new OnChainId(name, name, Kind.ACCOUNT_NAME, name));
        } else if (account instanceof Ft4Account ft4) {
            if (ft4.accountId() != null) {
                out.add(new OnChainId(name, name, Kind.ACCOUNT_ID, ft4.accountId().toUpperCase(Locale.ROOT)));
            } else {
                ft4.descriptors().stream().filter(AuthDescriptor::main).findFirst().ifPresent(main -> out.add(
                        new OnChainId(name, name, Kind.ACCOUNT_ID_IF_REGISTERED_WITH_MAIN, Ft4Ids.accountId(main.signers()))));
            }
            for (AuthDescriptor d : ft4.descriptors()) {
                out.add(new OnChainId(name + "@" + d.name(), name, Kind.AUTH_DESCRIPTOR_ID, Ft4Ids.descriptorId(d)));
            }
        } else if (account instanceof CasperAccount casper) {
            if (casper.accountHash() != null) {
                out.add(new OnChainId(name, name, Kind.ACCOUNT_HASH, accountHash(casper.accountHash())));
            }
            for (KeyWeight k : casper.keys()) {
                out.add(new OnChainId(name + "@" + k.key().label(), name, Kind.KEY_ACCOUNT_HASH, accountHash(k.key().id())));
            }
        }
        return out;
    }

    /** {@code account-hash-…} of a Casper key's identity, which is its account hash. */
    private static String accountHash(KeyId id) {
        String canonical = id.canonical();
        return "account-hash-" + canonical.substring(canonical.indexOf(':') + 1);
    }
}
