package io.quorate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.chains.OnChainIds;
import io.quorate.diag.SourceLocation;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.format.FormatFiles.Outcome;
import io.quorate.format.FormatFiles.Result;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.report.DecisionJson;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical form: idempotent, comment-preserving, and never a change of meaning. */
class FormatterTest {

    @TempDir
    Path dir;

    @Test
    void every_bundled_file_is_canonical_and_formats_to_itself() {
        List<Path> files = FormatFiles.files(List.of(Path.of("policies"), Path.of("examples")), new ArrayList<>(), new ArrayList<>());
        assertTrue(files.size() > 20, files.toString());
        for (Path file : files) {
            Result r = FormatFiles.format(file, false, null, false);
            assertEquals(Outcome.UNCHANGED, r.outcome(), file + ": " + r.diagnostics());
            Result keys = FormatFiles.format(file, false, null, true);
            assertTrue(keys.outcome() == Outcome.UNCHANGED || keys.outcome() == Outcome.CHANGED, file + ": " + keys.diagnostics());
            assertEquals(Outcome.UNCHANGED, FormatFiles.format(file, keys.after(), false, null, true).outcome(), file.toString());
        }
    }

    @Test
    void the_test_suites_files_format_idempotently_and_keep_their_comments() {
        List<Path> files = FormatFiles.files(List.of(Path.of("src/test/resources")), new ArrayList<>(), new ArrayList<>());
        int formatted = 0;
        for (Path file : files) {
            Result r = FormatFiles.format(file, false, null, false);
            if (r.outcome() != Outcome.CHANGED && r.outcome() != Outcome.UNCHANGED) continue;
            formatted++;
            Result again = FormatFiles.format(file, r.after(), false, null, false);
            assertEquals(Outcome.UNCHANGED, again.outcome(), file + "\n" + r.after() + again.diagnostics());
            assertEquals(comments(r.before()), comments(r.after()), file.toString());
        }
        assertTrue(formatted >= 5, "formatted " + formatted);
    }

    @Test
    void random_policies_format_idempotently_keep_every_comment_and_load_and_decide_as_before() throws Exception {
        Random random = new Random(4_2026_12_02L);
        for (int round = 0; round < 30; round++) {
            PolicyGenerator.Generated g = new PolicyGenerator(random).generate();
            Path file = dir.resolve("policy" + round + ".yaml");
            Files.writeString(file, g.text());
            Result r = FormatFiles.format(file, true, null, round % 2 == 0);
            assertTrue(r.outcome() == Outcome.CHANGED || r.outcome() == Outcome.UNCHANGED, g.text() + r.diagnostics());
            String after = r.after();
            assertEquals(Outcome.UNCHANGED, FormatFiles.format(file, after, true, null, round % 2 == 0).outcome(),
                    "not idempotent:\n" + g.text() + "\n----\n" + after);
            assertEquals(comments(g.text()), comments(after), after);

            PolicySet before = PolicyLoader.load(file.toString(), g.text());
            PolicySet formatted = PolicyLoader.load(file.toString(), after);
            assertEquals(model(before), model(formatted), after);
            assertEquals(sorted(OnChainIds.list(before)), sorted(OnChainIds.list(formatted)), "on-chain ids (FT4 ids hash the signers in order)");

            Path formattedFile = dir.resolve("formatted" + round + ".yaml");
            Files.writeString(formattedFile, after);
            try (PreparedPolicy p1 = Quorate.load(List.of(file)); PreparedPolicy p2 = Quorate.load(List.of(formattedFile))) {
                for (Transaction tx : transactions(g, random)) {
                    assertEquals(decision(p1, tx), decision(p2, tx), after);
                }
            }
        }
    }

    @Test
    void entries_are_sorted_as_each_chain_sorts_them_and_ft4_signers_keep_their_order() throws Exception {
        String policy = """
                quorate: 1
                keys:
                  k1: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  k2: PUB_K1_5UrpYMX9C9oUXhJA7wSNMYyiwRD5eagiSbzEmN27uGZsjAVyKZ
                accounts:
                  zzz:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active:
                        threshold: 3
                        waits: [{seconds: 3600, weight: 1}, {seconds: 60, weight: 1}]
                        accounts: [{permission: zzz@owner, weight: 1}, {permission: aaa@owner, weight: 1}, {permission: aaa@active, weight: 1}]
                        keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]
                        parent: owner
                  aaa:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      active: {threshold: 1, keys: [{key: k2, weight: 1}]}
                  company:
                    chain: ft4
                    auth_descriptors:
                      owners: {main: true, signers: [03c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf, 02c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf], flags: [A, T], signatures_required: 2}
                """;
        String after = format("sorting.yaml", policy);
        // k2 (02 01cd…) sorts before k1 (02 c0de…) by key bytes; accounts by actor then permission; waits by seconds
        assertTrue(after.contains("""
                        parent: owner
                        threshold: 3
                        keys: [{key: k2, weight: 1}, {key: k1, weight: 1}]
                        accounts: [{permission: aaa@active, weight: 1}, {permission: aaa@owner, weight: 1}, {permission: zzz@owner, weight: 1}]
                        waits: [{seconds: 60, weight: 1}, {seconds: 3600, weight: 1}]
                """), after);
        assertTrue(after.contains("signers: [03c0ded2"), "FT4 signers are part of the descriptor's id and keep their order\n" + after);
        assertTrue(after.contains("{main: true, signers: [03c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf, "
                + "02c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf], signatures_required: 2, flags: [A, T]}"), after);
    }

    @Test
    void conditions_are_written_in_the_formats_pages_order_and_groups_lists_and_rules_keep_the_authors() throws Exception {
        Files.writeString(dir.resolve("sanctioned.txt"), "x1\n");
        String policy = """
                quorate: 1
                accounts:
                  treasury1111:
                    conditions:
                      rules:
                        - deny: destination is sanctioned
                          when: {spent: {over: "50000.0000 EOS", period: 24h}, to: {not_in: sanctioned}, action: eosio.token::transfer}
                          name: sanctioned
                        - require:
                            any:
                              - {count: 2, group: officers}
                              - all: [{key: sec}, {count: 1, group: security}]
                          name: large
                          when:
                            time: {outside: {zone: Europe/Berlin, hours: "08:00-18:00", days: [mon, fri]}}
                            memo: {matches: "inv-[0-9]+"}
                            amount: {le: "90000.0000 EOS", gt: "10000.0000 EOS"}
                            asset: EOS
                      default: allow
                      combine: deny-overrides
                    permissions:
                      owner: {threshold: 1, keys: [{key: sec, weight: 1}]}
                    chain: eos
                conditions:
                  standard:
                    rules: [{allow: true, name: everything}]
                    default: deny
                lists:
                  zeta: [zz1111111111, aa1111111111]
                  alpha: {file: sanctioned.txt}
                  sanctioned: [bad111111111]
                groups:
                  security: [sec]
                  officers: [sec, cfo, ceo]
                assets:
                  eos: {USDT: 4}
                keys:
                  sec: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  cfo: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
                  ceo: EOS7Wu7XTq2MbWTtwMaHfqKGNvKRZvVpJfCwyeN8gxrcWWaGm9xHC
                """;
        String after = format("conditions.yaml", policy);
        // top level: quorate, keys, requirements, assets, groups, lists, conditions, accounts; a rule: name, when, its outcome;
        // `when` and what it holds, and requirements at any depth, in the formats page's order; the names of groups and
        // lists, their entries and the rules stay in the order written (under first-match the rules' order decides)
        assertEquals("""
                quorate: 1
                keys:
                  sec: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  cfo: EOS7CJqDVBnd15L8NYRadpiHAR4BZTHsXp1sNhvrfbP2AMB3wpNPf
                  ceo: EOS7Wu7XTq2MbWTtwMaHfqKGNvKRZvVpJfCwyeN8gxrcWWaGm9xHC
                assets:
                  eos: {USDT: 4}
                groups:
                  security: [sec]
                  officers: [sec, cfo, ceo]
                lists:
                  zeta: [zz1111111111, aa1111111111]
                  alpha: {file: sanctioned.txt}
                  sanctioned: [bad111111111]
                conditions:
                  standard:
                    default: deny
                    rules: [{name: everything, allow: true}]
                accounts:
                  treasury1111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: sec, weight: 1}]}
                    conditions:
                      combine: deny-overrides
                      default: allow
                      rules:
                        - name: sanctioned
                          when: {action: eosio.token::transfer, to: {not_in: sanctioned}, spent: {period: 24h, over: "50000.0000 EOS"}}
                          deny: destination is sanctioned
                        - name: large
                          when:
                            asset: EOS
                            amount: {gt: "10000.0000 EOS", le: "90000.0000 EOS"}
                            memo: {matches: "inv-[0-9]+"}
                            time: {outside: {days: [mon, fri], hours: "08:00-18:00", zone: Europe/Berlin}}
                          require:
                            any:
                              - {group: officers, count: 2}
                              - all: [{key: sec}, {group: security, count: 1}]
                """, after);
        assertEquals(Outcome.UNCHANGED, FormatFiles.format(dir.resolve("conditions.yaml"), after, true, null, false).outcome());
    }

    @Test
    void comments_move_with_the_entries_they_belong_to() throws Exception {
        String policy = """
                # the file's own comment

                accounts:   # every account
                  test.auth:
                    # keys come after the threshold
                    keys:
                      # the treasurer
                      - {key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}   # on the line
                      - {key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}
                    threshold: 1   # one key suffices
                  other:
                    owner:   {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                    chain: hive
                    active:  {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                    posting: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                quorate: 1   # the version
                # the end
                """.replace("  test.auth:\n", "  test.auth:\n    chain: hive\n    owner: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}\n    posting: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}\n    active:\n")
                .replace("    # keys come", "      # keys come").replace("    keys:\n      # the", "      keys:\n        # the")
                .replace("      - {key: STM7", "        - {key: STM7").replace("      - {key: STM5iL", "        - {key: STM5iL")
                .replace("    threshold: 1   #", "      threshold: 1   #");
        String after = format("comments.yaml", policy);
        assertEquals("""
                # the file's own comment

                quorate: 1   # the version
                accounts:   # every account
                  test.auth:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                    active:
                      threshold: 1   # one key suffices
                      # keys come after the threshold
                      keys:
                        - {key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}
                        # the treasurer
                        - {key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}   # on the line
                    posting: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                  other:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                    active:  {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                    posting: {threshold: 1, keys: [{key: STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4, weight: 1}]}
                # the end
                """, after);
        assertEquals(after, format("comments.yaml", after));
    }

    @Test
    void keys_canonical_writes_eos_legacy_keys_as_pub_k1_and_leaves_other_chains_keys() throws Exception {
        String policy = """
                quorate: 1
                keys:
                  alice: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  ops: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F
                accounts:
                  eosvault1111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: 'EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV', weight: 1}]}
                      active: {threshold: 1, keys: [{key: alice, weight: 1}]}
                """;
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, policy);
        assertEquals(Outcome.UNCHANGED, FormatFiles.format(file, true, null, false).outcome());
        String after = FormatFiles.format(file, true, null, true).after();
        assertTrue(after.contains("alice: PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63"), after);
        assertTrue(after.contains("{key: 'PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63', weight: 1}"), after);
        assertTrue(after.contains("ops: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F"), after);
        assertTrue(after.contains("{key: alice, weight: 1}"), "names stay names\n" + after);
        assertEquals(model(PolicyLoader.load("k", policy)), model(PolicyLoader.load("k", after)));
    }

    @Test
    void block_scalars_multi_line_strings_and_flow_line_breaks_are_kept() throws Exception {
        // the test file is read beside its policy, as `quorate fmt` reads it
        Files.writeString(dir.resolve("cases.yaml"), """
                quorate: 1
                keys: {x: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV}
                accounts:
                  a:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: x, weight: 1}]}
                """);
        String tests = """
                quorate: 1
                tests:
                    - expect: allow
                      name: "a long
                        name"
                      transaction: {account: a, action: b,
                                    signatures: [x, y]}
                    - expect: deny
                      transaction:
                          action: eosio.token::transfer
                          account: a
                          data:
                              memo: |
                                  kept as
                                    written

                                  here
                      name: memo
                """;
        String after = format("cases_test.yaml", tests);
        assertEquals("""
                quorate: 1
                tests:
                  - name: "a long
                      name"
                    transaction: {account: a, action: b,
                                  signatures: [x, y]}
                    expect: allow
                  - name: memo
                    transaction:
                      account: a
                      action: eosio.token::transfer
                      data:
                        memo: |
                          kept as
                            written

                          here
                    expect: deny
                """, after);
        assertEquals(after, format("cases_test.yaml", after));
    }

    @Test
    void the_examples_of_the_formats_page_format_idempotently_with_every_comment() throws Exception {
        String page = Files.readString(Path.of("docs/formats.md"));
        Matcher blocks = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(page);
        int formatted = 0;
        while (blocks.find()) {
            String text = blocks.group(1);
            // the chains' sections show one account, indented as under `accounts:`
            if (text.startsWith("  ")) text = "quorate: 1\naccounts:\n" + text;
            List<io.quorate.diag.Diagnostic> problems = new ArrayList<>();
            var root = io.quorate.yaml.YamlReader.read("example.yaml", text, problems);
            if (root.isEmpty()) continue;
            FileKind kind = FileKind.of("example.yaml", root.get());
            if (kind == null) continue;
            String once = Formatter.format("example.yaml", text, kind, null, false);
            assertEquals(once, Formatter.format("example.yaml", once, kind, null, false), "not idempotent:\n" + text + "\n----\n" + once);
            assertEquals(comments(text), comments(once), once);
            formatted++;
        }
        assertTrue(formatted >= 5, "formatted " + formatted);
    }

    private String format(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Result r = FormatFiles.format(file, true, null, false);
        assertTrue(r.outcome() == Outcome.CHANGED || r.outcome() == Outcome.UNCHANGED, r.diagnostics().toString());
        return r.after();
    }

    // ---- helpers

    private static final Pattern COMMENT = Pattern.compile("(?m)(?:^|\\s)(#[^\\n]*)$");

    /** Every comment's text, sorted: formatting may move comments, never drop or change them. */
    static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = COMMENT.matcher(text);
        while (m.find()) out.add(m.group(1).strip());
        out.sort(null);
        return out;
    }

    /** The model without source locations, lists compared as multisets (fmt sorts some of them). */
    static Object model(PolicySet set) throws Exception {
        List<String> keys = new ArrayList<>();
        for (io.quorate.policy.NamedKey k : set.keys()) {
            String id = null;
            for (io.quorate.policy.Chain c : io.quorate.policy.Chain.all()) {
                try {
                    id = c.keyFormat().decode(k.text()).canonical();
                    break;
                } catch (io.quorate.keys.KeyFormatException e) {
                    // another chain's key
                }
            }
            keys.add(k.name() + "=" + id + "/" + k.holder());
        }
        keys.sort(null);
        return normal(set.accounts()) + "\n" + keys;
    }

    private static Object normal(Object o) throws Exception {
        if (o == null) return "null";
        if (o instanceof SourceLocation) return "";
        if (o.getClass().isRecord()) {
            Map<String, Object> out = new TreeMap<>();
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                c.getAccessor().setAccessible(true);
                Object v = c.getAccessor().invoke(o);
                if (v instanceof SourceLocation) continue;
                out.put(c.getName(), normal(v));
            }
            return out.toString();
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), normal(e.getValue()));
            return out.toString();
        }
        if (o instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object x : c) out.add(String.valueOf(normal(x)));
            out.sort(null);
            return out.toString();
        }
        return o.toString();
    }

    private static List<String> sorted(List<?> items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) out.add(String.valueOf(o));
        out.sort(null);
        return out;
    }

    private static List<Transaction> transactions(PolicyGenerator.Generated g, Random random) throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (Map.Entry<String, String> a : g.accounts().entrySet()) {
            List<String> keys = g.keysByChain().get(a.getValue());
            for (String action : g.actions().get(a.getKey())) {
                for (int i = 0; i < 4; i++) {
                    List<String> signed = new ArrayList<>();
                    for (String k : keys) {
                        if (random.nextBoolean()) signed.add(k);
                    }
                    yaml.append("- {account: ").append(a.getKey()).append(", action: \"").append(action).append("\", signatures: [")
                            .append(String.join(", ", signed)).append("]}\n");
                }
            }
        }
        return TransactionLoader.load("generated", yaml.toString());
    }

    private static String decision(PreparedPolicy p, Transaction tx) {
        ObjectNode json = DecisionJson.toJson(p.authorize(tx));
        json.remove("policy_revision");
        return json.toString();
    }

    @Test
    void a_file_that_changes_is_reported_as_changed() throws Exception {
        String text = "quorate: 1\naccounts:\n  v:\n    authorities: {a: {keys: [{key: k, weight: 1}], threshold: 1}}\n    chain: generic\n";
        assertNotEquals(text, format("generic.yaml", text));
    }
}
