package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.Requirements;
import java.util.List;

/** A Chromia FT4 account: its auth descriptors, exactly one of them main. */
public record Ft4Account(
        String name,
        int maxDescriptors,
        List<String> mandatoryFlags,
        String accountId,
        List<AuthDescriptor> descriptors,
        Requirements requirements,
        SourceLocation at) implements Account {

    public static final int DEFAULT_MAX_DESCRIPTORS = 10;
    public static final List<String> DEFAULT_MANDATORY_FLAGS = List.of("A", "T");

    public Ft4Account {
        mandatoryFlags = List.copyOf(mandatoryFlags);
        descriptors = List.copyOf(descriptors);
    }

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public List<KeyRef> keyRefs() {
        return descriptors.stream().flatMap(d -> d.signers().stream()).toList();
    }
}
