package io.quorate.plan;

import io.quorate.diag.SourceLocation;
import io.quorate.transaction.Context;
import io.quorate.yaml.YamlMapping;

import java.util.List;

/**
 * One step of a change plan as written: its position, optional id, the operation, the account it
 * changes, the keys that will sign it, the chain context, the Casper deploy it belongs to, the EOS
 * declared authorization and the FT4 descriptor it authenticates with; {@code node} holds the
 * operation's own fields, read by the chain's steps. {@code signatures} is null for a step whose
 * signers are not known yet (a diff's steps): its authorization is then not checked.
 */
public record Step(int index, String id, String op, String account, List<String> signatures, Context context,
        String deploy, String authorization, String authDescriptor, YamlMapping node) {

    public Step {
        signatures = signatures == null ? null : List.copyOf(signatures);
    }

    /** How reports and {@code reorder} name the step: its id, else its position. */
    public String label() {
        return id != null ? id : String.valueOf(index);
    }

    public boolean signed() {
        return signatures != null;
    }

    public SourceLocation at() {
        return node.at();
    }
}
