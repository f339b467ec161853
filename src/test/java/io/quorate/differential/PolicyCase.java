package io.quorate.differential;

import java.util.List;

/**
 * One generated policy file and the candidate transactions to decide against it, both as the
 * YAML a user would write, so a failure can be reproduced with the CLI.
 */
record PolicyCase(String chain, String policyYaml, List<String> transactionYaml) {

    PolicyCase {
        transactionYaml = List.copyOf(transactionYaml);
    }

    String transactionsFile() {
        return String.join("", transactionYaml);
    }

    @Override
    public String toString() {
        return chain + " policy (" + transactionYaml.size() + " transactions):\n" + policyYaml;
    }
}
