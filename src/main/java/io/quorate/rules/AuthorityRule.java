package io.quorate.rules;

import io.quorate.compile.Program;
import java.util.List;

/** The rule of one authority: the fact type it judges and its conditions beyond the target. */
public record AuthorityRule<T extends AuthorityCheck>(Program program, Class<T> fact, List<Condition<T>> conditions) {

    public String name() {
        return program.chain().id() + " " + program.label();
    }
}
