package io.quorate.compile;

import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a policy set in named stages: number the accounts and authorities, then turn each
 * authority into a {@link Program} with its entries in its chain's visiting order (each chain's
 * {@link ChainLayout}). The rules are built from the programs by {@code io.quorate.rules}.
 */
public final class PolicyCompiler {

    private static final Map<Chain, ChainLayout> LAYOUTS = ChainServices.load(ChainLayout.class, ChainLayout::chain);

    private final PolicySet policy;
    private final KeyIndex keys = new KeyIndex();
    private final Map<String, CompiledAccount> accounts = new LinkedHashMap<>();
    private final Map<String, Integer> programByLabel = new LinkedHashMap<>();
    private final Map<String, Integer> accountIndex = new LinkedHashMap<>();

    private PolicyCompiler(PolicySet policy) {
        this.policy = policy;
    }

    public static CompiledPolicy compile(PolicySet policy) {
        return new PolicyCompiler(policy).run();
    }

    private CompiledPolicy run() {
        numberAuthorities();
        List<Program> compiled = compilePrograms();
        // Not Map.copyOf: its open addressing clusters on account names that differ in their last
        // letters (hash codes in a run), so lookups at 10,000 accounts took a microsecond and
        // copying 100,000 took seconds; a HashMap's buckets spread the same names evenly.
        return new CompiledPolicy(policy, keys, KeyDirectory.of(policy), List.copyOf(compiled),
                java.util.Collections.unmodifiableMap(new java.util.HashMap<>(accounts)), List.copyOf(accounts.values()));
    }

    /** Stage 1: every account and authority gets its number, so references can be resolved in stage 2. */
    private void numberAuthorities() {
        for (Account account : policy.accounts().values()) {
            accountIndex.put(account.name(), accountIndex.size());
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (String name : layout(account).authorityNames(account)) {
                int id = programByLabel.size();
                programByLabel.put(Program.label(account.name(), name), id);
                byName.put(name, id);
            }
            accounts.put(account.name(), new CompiledAccount(accountIndex.get(account.name()), account, byName));
        }
    }

    /** Stage 2: programs, in the order they were numbered. */
    private List<Program> compilePrograms() {
        List<Program> out = new ArrayList<>(programByLabel.size());
        for (CompiledAccount compiled : accounts.values()) {
            Account account = compiled.source();
            for (Map.Entry<String, Integer> e : compiled.programs().entrySet()) {
                out.add(layout(account).program(account, e.getKey(), new Layout(this, e.getValue(), compiled.index(), account)));
            }
        }
        return out;
    }

    private static ChainLayout layout(Account account) {
        ChainLayout layout = LAYOUTS.get(account.chain());
        if (layout == null) throw new IllegalStateException("chain `" + account.chain().id() + "` registers no layout");
        return layout;
    }

    PolicySet policy() {
        return policy;
    }

    KeyIndex keys() {
        return keys;
    }

    int program(String label) {
        return programByLabel.getOrDefault(label, -1);
    }

    int accountNumber(String name) {
        return accountIndex.getOrDefault(name, -1);
    }
}
