package io.quorate.policy;

import io.quorate.bench.PolicyGenerator;

/** A generated policy set written as one YAML file, the way a large organisation may keep it. */
final class OneFilePolicy {

    private OneFilePolicy() {
    }

    /** The generator's files merged: every file's keys under one {@code keys:}, every account under one {@code accounts:}. */
    static String of(int accounts, long seed) {
        StringBuilder keys = new StringBuilder("quorate: 1\nkeys:\n");
        StringBuilder body = new StringBuilder("accounts:\n");
        for (String file : PolicyGenerator.generate(accounts, seed).files().values()) {
            int split = file.indexOf("\naccounts:\n");
            keys.append(file, "quorate: 1\nkeys:\n".length(), split + 1);
            body.append(file, split + "\naccounts:\n".length(), file.length());
        }
        return keys.append(body).toString();
    }
}
