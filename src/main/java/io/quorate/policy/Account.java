package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import java.util.List;

/** An account declared in a policy set; each chain package has its own record. */
public interface Account {

    String name();

    Chain chain();

    /** Where the account is declared (its name's position). */
    SourceLocation at();

    /** Guardrails of the file that declares the account (never null). */
    Requirements requirements();

    /** Every key the account's authorities, associated keys or descriptors name, in declaration order. */
    List<KeyRef> keyRefs();

    /** The accounts its authorities name as entries, in declaration order (repeats kept). */
    default List<String> referencedAccounts() {
        return List.of();
    }
}
