package io.quorate.conditions;

import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.conditions.Group;
import io.quorate.policy.conditions.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the approvals a transaction has (the keys that signed it and those in {@code approved_by})
 * meet a requirement, and what is still missing. Keys are compared by identity, so a name and the
 * public key it names are the same approver.
 */
final class Approvals {

    private final Chain chain;
    private final KeyDirectory directory;
    private final Set<String> approvers;

    /** @param approvers the canonical identities of the keys that approve */
    Approvals(Chain chain, KeyDirectory directory, Set<String> approvers) {
        this.chain = chain;
        this.directory = directory;
        this.approvers = approvers;
    }

    /** The identity of a key as the policy writes it, or null when it names no key of the chain. */
    private String identity(String key) {
        KeyDirectory.Resolution r = directory.resolve(chain, key);
        return r.key() == null ? null : r.key().id().canonical();
    }

    private boolean approved(String key) {
        String id = identity(key);
        return id != null && approvers.contains(id);
    }

    boolean met(Requirement r) {
        if (r instanceof Requirement.Key k) return approved(k.key());
        if (r instanceof Requirement.FromGroup g) return have(g.group()) >= g.count();
        if (r instanceof Requirement.All a) return a.parts().stream().allMatch(this::met);
        return ((Requirement.Any) r).parts().stream().anyMatch(this::met);
    }

    /** The distinct approving keys among the group's members: a key written twice (a name and its public key) counts once. */
    private int have(Group g) {
        Set<String> keys = new java.util.HashSet<>();
        for (Group.Member m : g.members()) {
            String id = identity(m.key());
            if (id != null && approvers.contains(id)) keys.add(id);
        }
        return keys.size();
    }

    /** What is missing for {@code r}, one line per unmet part (empty when met). */
    List<String> missing(Requirement r) {
        List<String> out = new ArrayList<>();
        if (met(r)) return out;
        if (r instanceof Requirement.Key k) {
            out.add("key " + k.key());
        } else if (r instanceof Requirement.FromGroup g) {
            List<String> others = g.group().members().stream().map(Group.Member::key).filter(k -> !approved(k)).toList();
            out.add((g.count() - have(g.group())) + " more of " + g.group().name() + " (" + String.join(", ", others) + ")");
        } else if (r instanceof Requirement.All a) {
            a.parts().forEach(p -> out.addAll(missing(p)));
        } else {
            out.add("any of: " + String.join(" | ", ((Requirement.Any) r).parts().stream()
                    .map(p -> String.join(" and ", missing(p))).toList()));
        }
        return out;
    }
}
