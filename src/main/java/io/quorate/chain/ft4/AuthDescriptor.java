package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.KeyRef;
import java.util.List;

/**
 * An FT4 auth descriptor. {@code signaturesRequired} is null for a single-sig ({@code S})
 * descriptor; {@code rules} is null when the descriptor has none.
 */
public record AuthDescriptor(
        String name,
        boolean main,
        List<KeyRef> signers,
        Integer signaturesRequired,
        List<String> flags,
        Ft4Rule rules,
        SourceLocation at) {

    public AuthDescriptor {
        signers = List.copyOf(signers);
        flags = List.copyOf(flags);
    }

    public boolean multiSig() {
        return signaturesRequired != null;
    }

    /** Signatures needed: 1 for single-sig. */
    public int required() {
        return signaturesRequired == null ? 1 : signaturesRequired;
    }
}
