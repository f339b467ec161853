package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import java.util.List;

/** How one chain states an authority as rule conditions over its own fact type. */
public interface ChainRules<T extends AuthorityCheck> {

    Class<T> fact();

    /** The conditions of {@code p}'s rule, in the order the chain checks them. */
    List<Condition<T>> conditions(CompiledPolicy policy, Program p);

    /** What the account's rules rely on beyond their own conditions (EOS links, generic actions), as comment lines. */
    default List<String> notes(Account account) {
        return List.of();
    }
}
