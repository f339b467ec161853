package io.quorate.policy;

import java.util.ArrayList;
import java.util.List;

/** Every key an account's authorities, associated keys or descriptors name, in declaration order. */
public final class PolicyKeys {

    private PolicyKeys() {
    }

    public static List<KeyRef> of(Account account) {
        List<KeyRef> keys = new ArrayList<>();
        if (account instanceof EosAccount eos) {
            eos.permissions().values().forEach(a -> add(a, keys));
        } else if (account instanceof HiveAccount hive) {
            add(hive.owner(), keys);
            add(hive.active(), keys);
            add(hive.posting(), keys);
        } else if (account instanceof GenericAccount generic) {
            generic.authorities().values().forEach(a -> add(a, keys));
        } else if (account instanceof CasperAccount casper) {
            casper.keys().forEach(k -> keys.add(k.key()));
        } else if (account instanceof Ft4Account ft4) {
            ft4.descriptors().forEach(d -> keys.addAll(d.signers()));
        }
        return keys;
    }

    private static void add(Authority authority, List<KeyRef> keys) {
        if (authority != null) authority.keys().forEach(k -> keys.add(k.key()));
    }
}
