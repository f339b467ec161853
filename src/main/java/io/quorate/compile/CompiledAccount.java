package io.quorate.compile;

import io.quorate.policy.Account;
import java.util.Map;

/** An account of the compiled policy: its source record and its programs by authority name. */
public record CompiledAccount(int index, Account source, Map<String, Integer> programs) {

    /** The program of the authority, role, threshold or descriptor {@code name}, or -1. */
    public int program(String name) {
        Integer id = programs.get(name);
        return id == null ? -1 : id;
    }
}
