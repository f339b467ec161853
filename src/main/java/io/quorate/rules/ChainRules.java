package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import java.util.List;

/**
 * How one chain states an authority as rule conditions over its own fact type. Registered in
 * {@code META-INF/services/io.quorate.rules.ChainRules}.
 */
public interface ChainRules<T extends AuthorityCheck> {

    Chain chain();

    Class<T> fact();

    /** Static functions the rendered conditions call beyond the entries' ({@code Class.method}). */
    default List<String> drlFunctions() {
        return List.of();
    }

    /** The conditions of {@code p}'s rule, in the order the chain checks them. */
    List<Condition<T>> conditions(CompiledPolicy policy, Program p);

    /** What the account's rules rely on beyond their own conditions (EOS links, generic actions), as comment lines. */
    default List<String> notes(Account account) {
        return List.of();
    }
}
