package io.quorate.compile;

import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import io.quorate.policy.Validity;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a {@link ChainLayout} needs while one program is laid out: the program's number and its
 * account's, keys interned as numbers, references resolved to the numbers stage 1 gave.
 */
public final class Layout {

    private final PolicyCompiler compiler;
    private final int id;
    private final int accountNo;
    private final Chain chain;
    private final String accountName;

    Layout(PolicyCompiler compiler, int id, int accountNo, Account account) {
        this.compiler = compiler;
        this.id = id;
        this.accountNo = accountNo;
        this.chain = account.chain();
        this.accountName = account.name();
    }

    public PolicySet policy() {
        return compiler.policy();
    }

    /** A key entry: the key's number in the policy's key index. */
    public Entry key(KeyRef key, int weight) {
        return Entry.key(compiler.keys().intern(key), key.label(), weight);
    }

    /** The program of {@code account@authority}, or -1. */
    public int program(String account, String authority) {
        return compiler.program(Program.label(account, authority));
    }

    /** The number of account {@code name}, or -1. */
    public int account(String name) {
        return compiler.accountNumber(name);
    }

    /** A reference to an authority of an account of this chain: its program, or -1 (missing, another chain). */
    public int sameChainProgram(AccountWeight ref) {
        Account target = policy().account(ref.account());
        if (target == null || !target.chain().equals(chain) || ref.authority() == null) return -1;
        return program(ref.account(), ref.authority());
    }

    /** The parent's program, or -1. */
    public int parent(Authority a) {
        return a.parent() == null ? -1 : program(accountName, a.parent());
    }

    /** An authority's program: its threshold, entries (already in visiting order), parent and window. */
    public Program program(Authority a, List<Entry> entries, int parent) {
        return program(a.name(), a.threshold(), entries, parent, a.valid(), Set.of());
    }

    public Program program(String name, long threshold, List<Entry> entries, int parent, Validity valid, Set<String> flags) {
        return new Program(id, chain, accountNo, accountName, name, threshold, entries.toArray(Entry[]::new), parent, valid,
                Set.copyOf(flags), Program.label(accountName, name));
    }

    /**
     * How the chains sort entries of one kind: waits by seconds, keys by the key's identity (so two
     * spellings of one key sort alike), references by account then authority.
     */
    public String sortKey(Entry e) {
        return switch (e.kind()) {
            case Entry.WAIT -> String.format("%020d", e.ref());
            case Entry.KEY -> compiler.keys().ref((int) e.ref()).id().canonical();
            default -> e.label().replace('@', '\u0000');
        };
    }

    /** Kinds in the order waits, keys, references; within a kind by {@link #sortKey}. */
    public Comparator<Entry> byKindThenSortKey() {
        return Comparator.comparingInt(Entry::kind).thenComparing(this::sortKey);
    }
}
