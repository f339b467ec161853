package io.quorate.policy;

import java.util.List;

/** Every key an account's authorities, associated keys or descriptors name, in declaration order. */
public final class PolicyKeys {

    private PolicyKeys() {
    }

    public static List<KeyRef> of(Account account) {
        return account.keyRefs();
    }

    /** The keys of {@code authorities} (nulls skipped), in order: what an account of authorities returns as its keys. */
    public static List<KeyRef> of(Iterable<Authority> authorities) {
        List<KeyRef> keys = new java.util.ArrayList<>();
        for (Authority a : authorities) {
            if (a != null) a.keys().forEach(k -> keys.add(k.key()));
        }
        return keys;
    }

    /** The accounts {@code authorities} (nulls skipped) name as entries, in order. */
    public static List<String> referencedAccounts(Iterable<Authority> authorities) {
        List<String> out = new java.util.ArrayList<>();
        for (Authority a : authorities) {
            if (a != null) a.accounts().forEach(ref -> out.add(ref.account()));
        }
        return out;
    }
}
