package io.quorate.chain.ft4;

import io.quorate.analysis.Expanded;
import io.quorate.analysis.Formula;
import io.quorate.analysis.KeyTable;
import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * FT4 auth descriptors: single-sig is its signer, multi-sig {@code signatures_required} of its
 * distinct signers. The time a descriptor is used is unknown here, so rules leave the formula
 * alone, except a set of rules no moment satisfies, which makes the descriptor unusable.
 */
final class Ft4Expansion {

    private final KeyTable keys;

    Ft4Expansion(KeyTable keys) {
        this.keys = keys;
    }

    Expanded expand(Ft4Account account) {
        List<Expanded.Authority> authorities = new ArrayList<>();
        List<String> transfer = new ArrayList<>();
        List<String> manage = new ArrayList<>();
        for (AuthDescriptor d : account.descriptors()) {
            authorities.add(new Expanded.Authority(d.name(), "descriptor", descriptor(d), false, d.at()));
            if (d.flags().contains("T")) transfer.add(d.name());
            if (d.flags().contains("A")) manage.add(d.name());
        }
        List<Expanded.Capability> capabilities = new ArrayList<>();
        capabilities.add(capability("funds", transfer, authorities));
        capabilities.add(capability("keys", manage, authorities));
        return new Expanded(authorities, capabilities);
    }

    private static Expanded.Capability capability(String name, List<String> granted, List<Expanded.Authority> authorities) {
        List<Formula> any = new ArrayList<>();
        for (Expanded.Authority a : authorities) {
            if (granted.contains(a.name())) any.add(a.formula());
        }
        return new Expanded.Capability(name, granted, new Formula.Any(any));
    }

    Formula descriptor(AuthDescriptor d) {
        // no moment ever lets the rules hold (from the epoch on: the analysis does not depend on today)
        if (d.rules() != null && d.rules().whyNeverHolds(java.time.LocalDate.EPOCH) != null) return new Formula.Never();
        List<Formula.Part> parts = new ArrayList<>();
        Set<KeyId> seen = new HashSet<>();
        for (KeyRef k : d.signers()) {
            if (seen.add(k.id())) parts.add(new Formula.Part(new Formula.Key(keys.index(k)), 1));
        }
        if (!d.multiSig() && parts.size() == 1) return parts.get(0).formula();
        return new Formula.Threshold(d.required(), parts);
    }
}
