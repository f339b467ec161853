package io.quorate.chain.hive;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.rules.Signatures;
import java.util.HashSet;
import java.util.Set;

/**
 * Hive's sign_state over one transaction: used-marks without rollback, the accounts approved so
 * far, the role of the current phase, and the account-load count with its limits.
 */
public final class HiveSignState {

    public static final int MAX_SIG_CHECK_DEPTH = 2;
    public static final int MAX_AUTHORITY_MEMBERSHIP = 40;
    public static final int MAX_SIG_CHECK_ACCOUNTS = 125;

    private final CompiledPolicy policy;
    private final Signatures signatures;
    private final boolean hf28;
    private final Set<Integer> approved = new HashSet<>();
    private String phaseRole;
    private long accountAuthCount;
    private long rootTally;

    public HiveSignState(CompiledPolicy policy, Signatures signatures, boolean hf28) {
        this.policy = policy;
        this.signatures = signatures;
        this.hf28 = hf28;
    }

    /** Starts a phase: its role, and (as the chain clears it between phases) no approved account. */
    public void phase(String role) {
        phaseRole = role;
        approved.clear();
    }

    public String phaseRole() {
        return phaseRole;
    }

    public boolean approved(int account) {
        return approved.contains(account);
    }

    /** Counts the load of an account's authority at the root ({@code check_authority(id)}). */
    public void loadAccount() {
        accountAuthCount = hf28 ? accountAuthCount + 1 : 1;
    }

    /** Before HF28 a role given directly starts its own count ({@code check_authority(authority)}). */
    public void loadRole() {
        if (!hf28) accountAuthCount = 0;
    }

    public long rootTally() {
        return rootTally;
    }

    boolean checkRoot(Entry[] entries, long threshold) {
        rootTally = 0;
        return checkImpl(entries, threshold, 0);
    }

    /** {@code check_authority_impl}: keys in key order, then accounts in name order; stop at the threshold. */
    private boolean checkImpl(Entry[] entries, long threshold, int depth) {
        long total = 0;
        int membership = 0;
        for (Entry e : entries) {
            if (e.isKey()) {
                int slot = signatures.slot(e.ref());
                if (slot >= 0) {
                    signatures.use(slot);
                    total += e.weight();
                    if (depth == 0) rootTally = total;
                    if (total >= threshold) return true;
                }
            } else {
                int account = (int) e.ref();
                if (!approved.contains(account)) {
                    if (depth == MAX_SIG_CHECK_DEPTH) continue;
                    if (accountAuthCount >= MAX_SIG_CHECK_ACCOUNTS) return false;
                    accountAuthCount++;
                    int nested = account < 0 ? -1 : policy.account(account).program(phaseRole);
                    if (nested >= 0 && checkImpl(policy.program(nested).entries(), policy.program(nested).threshold(), depth + 1)) {
                        approved.add(account);
                        total += e.weight();
                        if (depth == 0) rootTally = total;
                        if (total >= threshold) return true;
                    }
                } else {
                    total += e.weight();
                    if (depth == 0) rootTally = total;
                    if (total >= threshold) return true;
                }
            }
            if (++membership >= MAX_AUTHORITY_MEMBERSHIP) return false;
        }
        return total >= threshold;
    }
}
