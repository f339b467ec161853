package io.quorate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.casper.CasperAccount;
import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.ft4.AuthDescriptor;
import io.quorate.chain.ft4.Ft4Account;
import io.quorate.chain.ft4.Ft4Rule;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.chain.hive.HiveAccount;
import io.quorate.diag.InputException;
import io.quorate.keys.KeyId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every policy example of the format description loads, and means what it says. */
class FormatExamplesTest {

    static final String EOS = """
            quorate: 1                      # required; the format version
            keys:                           # optional: names for public keys, so reports speak of people
              alice: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
              bob:
                key: PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63
                holder: bob@acme            # optional: the person or device holding it
            requirements:                   # optional guardrails, checked by `quorate lint` (see the lint issue)
              min_signers: 2
              survive_key_loss: 1
            accounts:
              mymultisig11:
                chain: eos
                options: {max_authority_depth: 6}
                permissions:
                  owner:
                    threshold: 2
                    accounts:
                      - {permission: partner11111@owner, weight: 1}
                      - {permission: partner22222@owner, weight: 1}
                      - {permission: partner33333@owner, weight: 1}
                  active:
                    parent: owner
                    threshold: 2
                    keys:     [{key: alice, weight: 1}]
                    accounts: [{permission: partner11111@active, weight: 1}]
                    waits:    [{seconds: 3600, weight: 1}]
                links:                      # linkauth: contract::action (or contract::*) -> permission
                  eosio.token::transfer: active
            """;

    static final String HIVE = """
            quorate: 1
            accounts:
              test.auth:
                chain: hive
                options: {hardfork: 28}     # 28 (default, current rules) or 27 (legacy rules, also Steem)
                owner:   {threshold: 1,  keys: [{key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}]}
                active:  {threshold: 40, keys: [{key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 25}],
                          accounts: [{account: partner, weight: 10}]}
                posting: {threshold: 1,  keys: [{key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}]}
            """;

    static final String CASPER = """
            quorate: 1
            accounts:
              treasury:
                chain: casper
                options: {version: 2}       # 2 (default, current mainnet: one associated signer suffices, extra
                                            # signers add nothing; adds upgrade_management) or 1 (every signer
                                            # must be an associated key)
                keys:                       # associated keys: tagged public key hex, account-hash-…, or a name
                  - {key: 01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986, weight: 3}
                  - {key: account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7, weight: 1}
                thresholds: {deployment: 2, key_management: 3}
                account_hash: account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7
                                            # optional: the account's on-chain id, to match native transactions
            """;

    /** The format's FT4 example, with its placeholder names given real keys (1G..4G of secp256k1). */
    static final String FT4 = """
            quorate: 1
            keys:
              alice: 0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798
              bob: 02C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5
              charlie: 02F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9
              dan: 02E493DBF1C10D80F3581E4904930B1404CC6C13900EE0758474FA94ABE8C4CD13
            accounts:
              company:
                chain: ft4
                options: {max_descriptors: 10, mandatory_flags: [A, T]}
                account_id: 885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5   # optional
                auth_descriptors:
                  owners:
                    main: true              # exactly one main descriptor
                    signers: [alice, bob, charlie]
                    signatures_required: 2  # present: multi-sig; absent with one signer: single-sig
                    flags: [A, T]
                  dan:
                    signers: [dan]
                    flags: [T]
                    rules: [gt, block_height, 1876543210123]   # the chain's own rule syntax, "and" included
            """;

    static final String GENERIC = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 3, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
                  spend:
                    parent: admin           # a parent's signers may act for the child
                    threshold: 2
                    keys: [{key: k4, weight: 1}, {key: k5, weight: 1}]
                    accounts: [{account: ops@spend, weight: 1}]
                    valid: {from: 2027-01-01T00:00:00Z, until: 2028-01-01T00:00:00Z}
                actions: {withdraw: spend, "*": admin}
            """;

    @Test
    void the_eos_example_loads_with_its_permission_tree_and_links() throws InputException {
        PolicySet set = PolicyLoader.load("eos.yaml", EOS);
        EosAccount a = (EosAccount) set.account("mymultisig11");
        assertEquals(6, a.maxAuthorityDepth());
        Authority owner = a.permissions().get("owner");
        assertNull(owner.parent());
        assertEquals(2, owner.threshold());
        assertEquals(List.of("partner11111@owner", "partner22222@owner", "partner33333@owner"),
                owner.accounts().stream().map(AccountWeight::label).toList());
        Authority active = a.permissions().get("active");
        assertEquals("owner", active.parent());
        assertEquals("alice", active.keys().get(0).key().label());
        assertEquals(new WaitWeight(3600, 1, active.waits().get(0).at()), active.waits().get(0));
        assertEquals(Map.of("eosio.token::transfer", "active"), a.links());
        assertEquals(new Requirements(2, 1, null, a.requirements().at()), a.requirements());
        assertEquals(7, a.requirements().at().line());
        assertEquals(2, set.keys().size());
        assertEquals("bob@acme", set.keys().get(1).holder());
        assertEquals(11, a.at().line());
        assertEquals(3, a.at().column());
        assertTrue(set.revision().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void the_hive_example_loads_its_three_roles() throws InputException {
        HiveAccount a = (HiveAccount) PolicyLoader.load("hive.yaml", HIVE).account("test.auth");
        assertEquals(28, a.hardfork());
        assertEquals(40, a.active().threshold());
        assertEquals(25, a.active().keys().get(0).weight());
        assertEquals(new AccountWeight("partner", null, 10, a.active().accounts().get(0).at()), a.active().accounts().get(0));
        assertEquals(1, a.posting().threshold());
        assertEquals(Requirements.NONE, a.requirements());
    }

    @Test
    void the_casper_example_loads_its_keys_thresholds_and_account_hash() throws InputException {
        CasperAccount a = (CasperAccount) PolicyLoader.load("casper.yaml", CASPER).account("treasury");
        assertEquals(2, a.version());
        assertEquals(List.of(3, 1), a.keys().stream().map(KeyWeight::weight).toList());
        assertEquals(2, a.deployment());
        assertEquals(3, a.keyManagement());
        assertEquals(1, a.upgradeManagement());
        assertEquals(new KeyId("casper:1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7"), a.accountHash());
        assertEquals(a.accountHash(), a.keys().get(0).key().id());
        assertEquals(11, a.thresholdsAt().line());
    }

    @Test
    void the_ft4_example_loads_its_descriptors_and_rule() throws InputException {
        Ft4Account a = (Ft4Account) PolicyLoader.load("ft4.yaml", FT4).account("company");
        assertEquals(10, a.maxDescriptors());
        assertEquals(List.of("A", "T"), a.mandatoryFlags());
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", a.accountId());
        AuthDescriptor owners = a.descriptors().get(0);
        assertTrue(owners.main());
        assertEquals(List.of("alice", "bob", "charlie"), owners.signers().stream().map(KeyRef::label).toList());
        assertEquals(2, owners.required());
        AuthDescriptor dan = a.descriptors().get(1);
        assertFalse(dan.main());
        assertFalse(dan.multiSig());
        assertEquals(List.of("T"), dan.flags());
        Ft4Rule.Comparison rule = (Ft4Rule.Comparison) dan.rules();
        assertEquals("gt", rule.op());
        assertEquals("block_height", rule.variable());
        assertEquals(1876543210123L, rule.value());
    }

    @Test
    void the_generic_example_loads_its_authorities_window_and_actions() throws InputException {
        GenericAccount a = (GenericAccount) PolicyLoader.load("generic.yaml", GENERIC).account("vault");
        assertEquals(GenericAccount.DEFAULT_MAX_DEPTH, a.maxDepth());
        assertEquals(3, a.authorities().get("admin").keys().size());
        assertEquals("k1", a.authorities().get("admin").keys().get(0).key().label());
        Authority spend = a.authorities().get("spend");
        assertEquals("admin", spend.parent());
        assertEquals(new AccountWeight("ops", "spend", 1, spend.accounts().get(0).at()), spend.accounts().get(0));
        assertEquals(new Validity(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")), spend.valid());
        assertEquals(Map.of("withdraw", "spend", "*", "admin"), a.actions());
    }

    @Test
    void a_literal_key_equal_to_a_named_one_is_labelled_with_the_name() throws InputException {
        String policy = EOS.replace("keys:     [{key: alice, weight: 1}]",
                "keys:     [{key: PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63, weight: 1}]");
        EosAccount a = (EosAccount) PolicyLoader.load("eos.yaml", policy).account("mymultisig11");
        assertEquals("alice", a.permissions().get("active").keys().get(0).key().label());
    }

    @Test
    void json_policies_load_too() throws InputException {
        String json = """
                {"quorate": 1,
                 "accounts": {"vault": {"chain": "generic",
                   "authorities": {"admin": {"threshold": 1, "keys": [{"key": "k1", "weight": 1}]}}}}}
                """;
        assertEquals(1, ((GenericAccount) PolicyLoader.load("p.json", json).account("vault")).authorities().size());
    }
}
