package io.quorate.policy;

import io.quorate.diag.SourceLocation;

/** An account declared in a policy set; one record per chain kind. */
public sealed interface Account permits EosAccount, HiveAccount, CasperAccount, Ft4Account, GenericAccount {

    String name();

    Chain chain();

    /** Where the account is declared (its name's position). */
    SourceLocation at();

    /** Guardrails of the file that declares the account (never null). */
    Requirements requirements();
}
