package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.policy.PolicyLoader;
import io.quorate.schema.SchemaCheck;
import io.quorate.schema.Schemas;
import io.quorate.transaction.TransactionLoader;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policies and transactions the differential generators write, every shape of every chain
 * they reach, are accepted by the loaders and validate against the schemas.
 */
class GeneratedFilesValidateTest {

    private static final int ROUNDS = 20;

    @Test
    void generated_policies_and_transactions_validate() throws Exception {
        Random random = new Random(20261202L);
        for (int round = 0; round < ROUNDS; round++) {
            for (String chain : RandomPolicies.CHAINS) {
                PolicyCase c = RandomPolicies.sample(chain, random);
                PolicyLoader.load("generated.yaml", c.policyYaml());
                assertEquals(Set.of(), SchemaCheck.problems(Schemas.Document.POLICY, "generated.yaml", c.policyYaml()), c.toString());
                TransactionLoader.load("generated-transactions.yaml", c.transactionsFile());
                assertEquals(Set.of(), SchemaCheck.problems(Schemas.Document.TRANSACTION, "generated-transactions.yaml", c.transactionsFile()),
                        c.transactionsFile());
            }
        }
    }
}
