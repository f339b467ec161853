package io.quorate.bench;

import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.util.List;

/**
 * The accounts the generator writes, one shape per chain, each with the YAML of the account and
 * transactions signed by exactly the keys they need (EOS denies unused signatures), plus one
 * transaction a signature short. Partners are key-only accounts that other accounts reference, as
 * co-signers and custody services are referenced on chain.
 */
final class AccountShapes {

    /** The chain knows its height; FT4 rules are read against it. */
    static final long BLOCK_HEIGHT = 1_000_000;
    static final long SPEND_UNTIL_HEIGHT = 100_000_000;
    private static final Context AT_HEIGHT = new Context(null, BLOCK_HEIGHT, null, null, 0);

    /** Registers a key of the policy: its name and the chain whose format writes it. */
    interface KeyBook {
        String key(String name, Chain chain);
    }

    /** One account: its YAML, its allowed transactions, and one denied transaction (null for partners). */
    record Shaped(String yaml, List<Transaction> allowed, Transaction denied) {
    }

    private AccountShapes() {
    }

    /** EOS: owner 2-of-3 over partners' active, active 2-of-3 keys or a partner, a linked transfer permission. */
    static Shaped eos(String name, List<String> ownerPartners, String nestedPartner, KeyBook keys) {
        String a1 = keys.key(name + ".a1", Chain.EOS);
        String a2 = keys.key(name + ".a2", Chain.EOS);
        String a3 = keys.key(name + ".a3", Chain.EOS);
        String t = keys.key(name + ".t", Chain.EOS);
        StringBuilder y = header(name, "eos").append("    permissions:\n");
        y.append("      owner:\n        threshold: 2\n        accounts:\n");
        for (String p : ownerPartners) y.append("          - {permission: ").append(p).append("@active, weight: 1}\n");
        authority(y, "active", 2, List.of(a1, a2, a3), List.of(1, 1, 1));
        y.append("        accounts:\n          - {permission: ").append(nestedPartner).append("@active, weight: 1}\n");
        authority(y, "transfer", 1, List.of(t), List.of(1));
        y.append("    links:\n      eosio.token::transfer: transfer\n");
        String p0 = ownerPartners.get(0);
        String p1 = ownerPartners.get(1);
        return new Shaped(y.toString(), List.of(
                tx(name + "#transfer", new ActionRequest(name, "eosio.token::transfer", null, null, null), List.of(t)),
                tx(name + "#updateauth", new ActionRequest(name, "eosio::updateauth", null, null, null), List.of(a1, a3)),
                tx(name + "#owner", new ActionRequest(name, "eosio::updateauth", null, name + "@owner", null),
                        List.of(p0 + ".a1", p0 + ".a2", p1 + ".a2", p1 + ".a3"))),
                tx(name + "#short", new ActionRequest(name, "eosio::updateauth", null, null, null), List.of(a2)));
    }

    /** An EOS partner: owner one key, active 2-of-3 keys. */
    static Shaped eosPartner(String name, KeyBook keys) {
        String o = keys.key(name + ".o", Chain.EOS);
        String a1 = keys.key(name + ".a1", Chain.EOS);
        String a2 = keys.key(name + ".a2", Chain.EOS);
        String a3 = keys.key(name + ".a3", Chain.EOS);
        StringBuilder y = header(name, "eos").append("    permissions:\n");
        authority(y, "owner", 1, List.of(o), List.of(1));
        authority(y, "active", 2, List.of(a1, a2, a3), List.of(1, 1, 1));
        return new Shaped(y.toString(), List.of(
                tx(name + "#transfer", new ActionRequest(name, "eosio.token::transfer", null, null, null), List.of(a2, a3)),
                tx(name + "#updateauth", new ActionRequest(name, "eosio::updateauth", null, null, null), List.of(a1, a2)),
                tx(name + "#owner", new ActionRequest(name, "eosio::updateauth", null, name + "@owner", null), List.of(o))),
                null);
    }

    /** Hive: active threshold 40 over keys of 25, 25 and 10 and a partner account of 15; owner and posting one key. */
    static Shaped hive(String name, String partner, KeyBook keys) {
        String o = keys.key(name + ".o", Chain.HIVE);
        String a = keys.key(name + ".a", Chain.HIVE);
        String b = keys.key(name + ".b", Chain.HIVE);
        String c = keys.key(name + ".c", Chain.HIVE);
        String p = keys.key(name + ".p", Chain.HIVE);
        StringBuilder y = header(name, "hive");
        role(y, "owner", 1, List.of(o), List.of(1));
        role(y, "active", 40, List.of(a, b, c), List.of(25, 25, 10));
        y.append("      accounts:\n        - {account: ").append(partner).append(", weight: 15}\n");
        role(y, "posting", 1, List.of(p), List.of(1));
        return new Shaped(y.toString(), List.of(
                tx(name + "#transfer", ActionRequest.of(name, "transfer"), List.of(a, b)),
                tx(name + "#vote", ActionRequest.of(name, "vote"), List.of(p)),
                tx(name + "#transfer-partner", ActionRequest.of(name, "transfer"), List.of(a, partner + ".a"))),
                tx(name + "#short", ActionRequest.of(name, "transfer"), List.of(a)));
    }

    /** A Hive partner: one key per role. */
    static Shaped hivePartner(String name, KeyBook keys) {
        String o = keys.key(name + ".o", Chain.HIVE);
        String a = keys.key(name + ".a", Chain.HIVE);
        String p = keys.key(name + ".p", Chain.HIVE);
        StringBuilder y = header(name, "hive");
        role(y, "owner", 1, List.of(o), List.of(1));
        role(y, "active", 1, List.of(a), List.of(1));
        role(y, "posting", 1, List.of(p), List.of(1));
        return new Shaped(y.toString(), List.of(
                tx(name + "#transfer", ActionRequest.of(name, "transfer"), List.of(a)),
                tx(name + "#vote", ActionRequest.of(name, "vote"), List.of(p)),
                tx(name + "#recovery", ActionRequest.of(name, "change_recovery_account"), List.of(o))),
                null);
    }

    /** Casper: a primary key of weight 3 and two of weight 1; deployment 2, key management 3. */
    static Shaped casper(String name, KeyBook keys) {
        String primary = keys.key(name + ".primary", Chain.CASPER);
        String k1 = keys.key(name + ".k1", Chain.CASPER);
        String k2 = keys.key(name + ".k2", Chain.CASPER);
        StringBuilder y = header(name, "casper").append("    keys:\n");
        weighted(y, "      ", primary, 3);
        weighted(y, "      ", k1, 1);
        weighted(y, "      ", k2, 1);
        y.append("    thresholds: {deployment: 2, key_management: 3}\n");
        return new Shaped(y.toString(), List.of(
                tx(name + "#deploy", ActionRequest.of(name, "deploy"), List.of(primary)),
                tx(name + "#deploy-pair", ActionRequest.of(name, "deploy"), List.of(k1, k2)),
                tx(name + "#keys", ActionRequest.of(name, "key_management"), List.of(primary))),
                tx(name + "#short", ActionRequest.of(name, "deploy"), List.of(k1)));
    }

    /** FT4: a 2-of-3 main descriptor with flags A and T, and a single-sig T descriptor that expires at a height. */
    static Shaped ft4(String name, KeyBook keys) {
        String m1 = keys.key(name + ".m1", Chain.FT4);
        String m2 = keys.key(name + ".m2", Chain.FT4);
        String m3 = keys.key(name + ".m3", Chain.FT4);
        String t = keys.key(name + ".t", Chain.FT4);
        StringBuilder y = header(name, "ft4").append("    auth_descriptors:\n");
        y.append("      main: {main: true, signers: [").append(m1).append(", ").append(m2).append(", ").append(m3)
                .append("], signatures_required: 2, flags: [A, T]}\n");
        y.append("      spend: {signers: [").append(t).append("], flags: [T], rules: [lt, block_height, ")
                .append(SPEND_UNTIL_HEIGHT).append("]}\n");
        return new Shaped(y.toString(), List.of(
                ft4Tx(name + "#account", name, "account", "main", List.of(m1, m2)),
                ft4Tx(name + "#transfer", name, "transfer", "spend", List.of(t)),
                ft4Tx(name + "#account-pair", name, "account", "main", List.of(m2, m3))),
                ft4Tx(name + "#short", name, "account", "main", List.of(m1)));
    }

    private static StringBuilder header(String name, String chain) {
        return new StringBuilder(512).append("  ").append(name).append(":\n    chain: ").append(chain).append('\n');
    }

    /** An EOS permission (indented under {@code permissions:}) with weighted keys. */
    private static void authority(StringBuilder y, String name, int threshold, List<String> keys, List<Integer> weights) {
        y.append("      ").append(name).append(":\n        threshold: ").append(threshold).append("\n        keys:\n");
        for (int i = 0; i < keys.size(); i++) weighted(y, "          ", keys.get(i), weights.get(i));
    }

    /** A Hive role (directly under the account) with weighted keys. */
    private static void role(StringBuilder y, String name, int threshold, List<String> keys, List<Integer> weights) {
        y.append("    ").append(name).append(":\n      threshold: ").append(threshold).append("\n      keys:\n");
        for (int i = 0; i < keys.size(); i++) weighted(y, "        ", keys.get(i), weights.get(i));
    }

    private static void weighted(StringBuilder y, String indent, String key, int weight) {
        y.append(indent).append("- {key: ").append(key).append(", weight: ").append(weight).append("}\n");
    }

    private static Transaction tx(String id, ActionRequest action, List<String> signatures) {
        return new Transaction(id, List.of(action), signatures, List.of(), null, Context.EMPTY, null, null);
    }

    private static Transaction ft4Tx(String id, String account, String action, String descriptor, List<String> signatures) {
        return new Transaction(id, List.of(ActionRequest.of(account, action)), signatures, List.of(), descriptor,
                AT_HEIGHT, null, null);
    }
}
