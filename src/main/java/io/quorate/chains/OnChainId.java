package io.quorate.chains;

/**
 * What a chain calls something a policy names. {@code subject} is the policy's name for it: an
 * account, {@code account@descriptor} (FT4) or {@code account@key} (a Casper associated key).
 */
public record OnChainId(String subject, String account, Kind kind, String id) {

    public enum Kind {
        /** EOS and Hive: the account name is the id. */
        ACCOUNT_NAME("account name", true),
        /** FT4: the account id the policy declares. */
        ACCOUNT_ID("account id", true),
        /**
         * FT4: the id an account registered with its main descriptor's signers would have. An
         * account keeps the id of its registration, so it differs once the signers have changed.
         */
        ACCOUNT_ID_IF_REGISTERED_WITH_MAIN("account id if registered with the main descriptor's signers", false),
        /** FT4: an auth descriptor's id. */
        AUTH_DESCRIPTOR_ID("auth descriptor id", true),
        /** Casper: the account hash the policy declares. */
        ACCOUNT_HASH("account hash", true),
        /** Casper: an associated key's account hash. */
        KEY_ACCOUNT_HASH("associated key's account hash", true);

        private final String description;
        private final boolean certain;

        Kind(String description, boolean certain) {
            this.description = description;
            this.certain = certain;
        }

        public String description() {
            return description;
        }

        /** False when the id is a derivation that may not match the account on chain. */
        public boolean certain() {
            return certain;
        }
    }
}
