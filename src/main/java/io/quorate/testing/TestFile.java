package io.quorate.testing;

import io.quorate.policy.NamedKey;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy test file as read: where it is and its text (kept for {@code --update}), the policy
 * files it tests (empty: the command line's {@code --policy}), the extra key names its cases use,
 * and its cases. {@code embedded} is true for a policy file's own {@code tests:}.
 */
public record TestFile(Path path, String text, List<Path> policy, List<NamedKey> keys, List<TestCase> cases, boolean embedded) {

    public TestFile {
        policy = List.copyOf(policy);
        keys = List.copyOf(keys);
        cases = List.copyOf(cases);
    }

    public String name() {
        return path.toString();
    }
}
