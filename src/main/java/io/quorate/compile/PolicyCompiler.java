package io.quorate.compile;

import io.quorate.chain.casper.CasperAccount;
import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.ft4.AuthDescriptor;
import io.quorate.chain.ft4.Ft4Account;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.chain.hive.HiveAccount;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.PolicySet;
import io.quorate.policy.WaitWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a policy set in named stages: number the accounts and authorities, then turn each
 * authority into a {@link Program} with its entries in its chain's visiting order. The rules are
 * built from the programs by {@code io.quorate.rules}.
 */
public final class PolicyCompiler {

    private final PolicySet policy;
    private final KeyIndex keys = new KeyIndex();
    private final List<Program> programs = new ArrayList<>();
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
        return new CompiledPolicy(policy, keys, KeyDirectory.of(policy), List.copyOf(compiled),
                Map.copyOf(accounts), List.copyOf(accounts.values()));
    }

    /** Stage 1: every account and authority gets its number, so references can be resolved in stage 2. */
    private void numberAuthorities() {
        for (Account account : policy.accounts().values()) {
            accountIndex.put(account.name(), accountIndex.size());
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (String name : authorityNames(account)) {
                int id = programByLabel.size();
                programByLabel.put(account.name() + "@" + name, id);
                byName.put(name, id);
            }
            accounts.put(account.name(), new CompiledAccount(accountIndex.get(account.name()), account, byName));
        }
    }

    private static List<String> authorityNames(Account account) {
        if (account instanceof EosAccount eos) return List.copyOf(eos.permissions().keySet());
        if (account instanceof HiveAccount hive) {
            List<String> roles = new ArrayList<>();
            for (String role : List.of("owner", "active", "posting")) {
                if (hive.role(role) != null) roles.add(role);
            }
            return roles;
        }
        if (account instanceof CasperAccount casper) {
            return casper.version() >= 2 ? List.of("deployment", "key_management", "upgrade_management")
                    : List.of("deployment", "key_management");
        }
        if (account instanceof Ft4Account ft4) return ft4.descriptors().stream().map(AuthDescriptor::name).toList();
        return List.copyOf(((GenericAccount) account).authorities().keySet());
    }

    /** Stage 2: programs, in the order they were numbered. */
    private List<Program> compilePrograms() {
        List<Program> out = new ArrayList<>();
        for (CompiledAccount compiled : accounts.values()) {
            Account account = compiled.source();
            for (Map.Entry<String, Integer> e : compiled.programs().entrySet()) {
                out.add(compileOne(account, compiled.index(), e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private Program compileOne(Account account, int accountNo, String name, int id) {
        if (account instanceof EosAccount eos) {
            Authority a = eos.permissions().get(name);
            return authority(id, Chain.EOS, accountNo, account.name(), a, eosOrder(a), parentProgram(account, a));
        }
        if (account instanceof HiveAccount hive) {
            Authority a = hive.role(name);
            return authority(id, Chain.HIVE, accountNo, account.name(), a, hiveOrder(a), -1);
        }
        if (account instanceof GenericAccount generic) {
            Authority a = generic.authorities().get(name);
            return authority(id, Chain.GENERIC, accountNo, account.name(), a, genericOrder(a), parentProgram(account, a));
        }
        if (account instanceof CasperAccount casper) return casperThreshold(id, accountNo, casper, name);
        Ft4Account ft4 = (Ft4Account) account;
        return descriptor(id, accountNo, ft4, ft4.descriptors().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow());
    }

    private int parentProgram(Account account, Authority a) {
        return a.parent() == null ? -1 : programByLabel.getOrDefault(account.name() + "@" + a.parent(), -1);
    }

    /** An entry and how the chain sorts it. */
    private record Sorted(Entry entry, String sortKey) {
        byte kind() {
            return entry.kind();
        }

        int weight() {
            return entry.weight();
        }
    }

    private Program authority(int id, Chain chain, int accountNo, String accountName, Authority a,
                              List<Sorted> entries, int parent) {
        return new Program(id, chain, accountNo, accountName, a.name(), a.threshold(),
                entries.stream().map(Sorted::entry).toArray(Entry[]::new), parent, a.valid(), Set.of(), null,
                Program.label(accountName, a.name()));
    }

    private Sorted key(KeyWeight k) {
        return new Sorted(Entry.key(keys.intern(k.key()), k.key().label(), k.weight()), k.key().id().canonical());
    }

    private Sorted reference(AccountWeight a, String sortKey, int ref) {
        return new Sorted(Entry.account(ref, a.label(), a.weight()), sortKey);
    }

    /** EOS: weight descending; on equal weight waits, then keys, then accounts, each in ascending order. */
    private List<Sorted> eosOrder(Authority a) {
        List<Sorted> entries = new ArrayList<>();
        for (WaitWeight w : a.waits()) {
            entries.add(new Sorted(Entry.delay(w.seconds(), w.weight()), String.format("%020d", w.seconds())));
        }
        a.keys().forEach(k -> entries.add(key(k)));
        for (AccountWeight ref : a.accounts()) {
            entries.add(reference(ref, ref.account() + "\u0000" + ref.authority(), sameChainProgram(Chain.EOS, ref)));
        }
        entries.sort(Comparator.comparingInt((Sorted e) -> -e.weight())
                .thenComparingInt(Sorted::kind)
                .thenComparing(Sorted::sortKey));
        return entries;
    }

    /** Hive: keys in key order, then accounts in name order; the weight does not matter. */
    private List<Sorted> hiveOrder(Authority a) {
        List<Sorted> entries = new ArrayList<>();
        a.keys().forEach(k -> entries.add(key(k)));
        for (AccountWeight ref : a.accounts()) {
            boolean hive = policy.account(ref.account()) instanceof HiveAccount;
            entries.add(reference(ref, ref.account(), hive ? accountIndex.get(ref.account()) : -1));
        }
        entries.sort(Comparator.comparingInt(Sorted::kind).thenComparing(Sorted::sortKey));
        return entries;
    }

    /** Generic: every entry counts, so the written order is kept. */
    private List<Sorted> genericOrder(Authority a) {
        List<Sorted> entries = new ArrayList<>();
        a.keys().forEach(k -> entries.add(key(k)));
        for (AccountWeight ref : a.accounts()) {
            entries.add(reference(ref, ref.label(), sameChainProgram(Chain.GENERIC, ref)));
        }
        return entries;
    }

    /** The program a reference leads to; references across chains lead nowhere. */
    private int sameChainProgram(Chain chain, AccountWeight ref) {
        Account target = policy.account(ref.account());
        if (target == null || target.chain() != chain || ref.authority() == null) return -1;
        return programByLabel.getOrDefault(ref.label(), -1);
    }

    private Program casperThreshold(int id, int accountNo, CasperAccount casper, String name) {
        List<Sorted> entries = casper.keys().stream().map(this::key).toList();
        long threshold = switch (name) {
            case "deployment" -> casper.deployment();
            case "key_management" -> casper.keyManagement();
            default -> casper.upgradeManagement();
        };
        Authority shape = new Authority(name, threshold, casper.keys(), List.of(), List.of(), null, null, casper.at());
        return authority(id, Chain.CASPER, accountNo, casper.name(), shape, entries, -1);
    }

    private Program descriptor(int id, int accountNo, Ft4Account ft4, AuthDescriptor d) {
        Entry[] signers = d.signers().stream().map(signer -> Entry.key(keys.intern(signer), signer.label(), 1)).toArray(Entry[]::new);
        return new Program(id, Chain.FT4, accountNo, ft4.name(), d.name(), d.required(), signers, -1, null,
                Set.copyOf(d.flags()), d.rules(), Program.label(ft4.name(), d.name()));
    }
}
