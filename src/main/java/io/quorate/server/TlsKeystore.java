package io.quorate.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * Opens the TLS keystore before the server starts, so that a wrong file, type or password is
 * refused with a message saying which, instead of surfacing later from deep inside the TLS layer.
 */
final class TlsKeystore {

    private TlsKeystore() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the keystore at {@code path}. */
    static void check(Path path, String type, String password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("keystore type `" + type + "` is not supported: use PKCS12 or JKS");
        }
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, secret);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
            throw new IllegalArgumentException("`" + path + "`: " + (wrongPassword
                    ? "the keystore password is wrong or missing (`--tls-password-file` or QUORATE_TLS_PASSWORD)"
                    : "not a readable " + type + " keystore" + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("`" + path + "`: the " + type + " keystore cannot be opened: " + e.getMessage());
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) hasKey |= store.isKeyEntry(alias);
            if (!hasKey) throw new IllegalArgumentException("`" + path + "`: the keystore holds no private key for the server");
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("`" + path + "`: the keystore cannot be read: " + e.getMessage());
        }
    }
}
