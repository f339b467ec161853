package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.List;

/** A named set of approvers: key names or public keys, as written, with where each is. */
public record Group(String name, List<Member> members, SourceLocation at) {

    public Group {
        members = List.copyOf(members);
    }

    /** One approver as the policy writes it. */
    public record Member(String key, SourceLocation at) {
    }
}
