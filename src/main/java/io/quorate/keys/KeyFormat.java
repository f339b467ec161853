package io.quorate.keys;

/** How each chain writes public keys, and how to turn what a user wrote into a {@link KeyId}. */
public enum KeyFormat {
    /** {@code EOS…} (legacy) and {@code PUB_K1_…} / {@code PUB_R1_…}. */
    EOS {
        @Override
        public KeyId decode(String text) throws KeyFormatException {
            return EosKeys.decode(text);
        }

        @Override
        public boolean looksLikeKey(String text) {
            return EosKeys.looksLikeKey(text);
        }
    },
    /** {@code STM…} (and the testnet prefix {@code TST…}). */
    HIVE {
        @Override
        public KeyId decode(String text) throws KeyFormatException {
            return HiveKeys.decode(text);
        }

        @Override
        public boolean looksLikeKey(String text) {
            return HiveKeys.looksLikeKey(text);
        }
    },
    /** Tagged hex ({@code 01} Ed25519, {@code 02} secp256k1) or {@code account-hash-…}; identity is the account hash. */
    CASPER {
        @Override
        public KeyId decode(String text) throws KeyFormatException {
            return CasperKeys.decode(text);
        }

        @Override
        public boolean looksLikeKey(String text) {
            return CasperKeys.looksLikeKey(text);
        }
    },
    /** 33-byte compressed secp256k1 hex, or a 20-byte EVM address. */
    FT4 {
        @Override
        public KeyId decode(String text) throws KeyFormatException {
            return Ft4Keys.decode(text);
        }

        @Override
        public boolean looksLikeKey(String text) {
            return Ft4Keys.looksLikeKey(text);
        }
    },
    /** Any non-empty string is a key of its own. */
    GENERIC {
        @Override
        public KeyId decode(String text) throws KeyFormatException {
            if (text == null || text.isBlank()) {
                throw new KeyFormatException("a generic key cannot be empty", "write the key's name or text");
            }
            return new KeyId("generic:" + text);
        }

        @Override
        public boolean looksLikeKey(String text) {
            return false;
        }
    };

    /** Decodes {@code text}, checking its checksum or curve point where the format has one. */
    public abstract KeyId decode(String text) throws KeyFormatException;

    /**
     * True when {@code text} has the shape of a key in this format (prefix, alphabet, length), so a
     * mistyped key is reported as a bad key rather than as an unknown key name.
     */
    public abstract boolean looksLikeKey(String text);
}
