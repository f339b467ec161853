package io.quorate.compile;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import java.util.List;

/**
 * How one chain lays out an account for evaluation: which authorities it has, in numbering order,
 * and each authority as a {@link Program} with its entries in the chain's visiting order.
 * Registered in {@code META-INF/services/io.quorate.compile.ChainLayout}.
 */
public interface ChainLayout {

    Chain chain();

    List<String> authorityNames(Account account);

    /** The program of {@code account}'s authority {@code name}, numbered and resolved through {@code layout}. */
    Program program(Account account, String name, Layout layout);
}
