package io.quorate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * YAML mistakes people make, each with its broken input and the diagnostic beside it: code, line,
 * column, message and help. The diagnostic points at the line the person got wrong, which is often
 * not where the parser noticed (an unclosed quote is noticed at the end of the file).
 */
class YamlMistakesTest {

    // ---- tabs ----

    @Test
    void a_line_indented_with_a_tab() {
        assertMistake("""
                quorate: 1
                accounts:
                \tvault:
                """,
                3, 1, "the line is indented with a tab",
                "indent with spaces: YAML does not allow tabs in indentation (two spaces per level is usual)");
    }

    @Test
    void a_tab_between_a_key_and_its_value() {
        assertMistake("""
                accounts:
                  vault:
                    chain:\tgeneric
                """,
                3, 11, "a tab where YAML expects a space",
                "replace the tab with a space: `chain: generic`");
    }

    // ---- indentation ----

    @Test
    void a_key_indented_under_a_key_whose_value_is_given() {
        assertMistake("""
                accounts:
                  vault:
                    chain: generic
                      options: {max_depth: 3}
                """,
                4, 7, "`options` is indented more than `chain` above it, whose value is already given",
                "indent `options` by 4 spaces, as `chain`, if it is its sibling; "
                        + "or move `chain`'s value onto lines under it if `options` belongs inside");
    }

    @Test
    void a_key_indented_between_two_levels() {
        assertMistake("""
                accounts:
                  vault:
                    chain: generic
                   options: {max_depth: 3}
                """,
                4, 4, "`options` is indented by 3 spaces, which lines up with no key above it",
                "line it up with the key it belongs beside: 4 spaces as `chain` above it, or 2 spaces as `vault`");
    }

    @Test
    void a_step_field_indented_short_of_the_step() {
        assertMistake("""
                steps:
                  - op: deleteauth
                    permission: active
                   signatures: [founder]
                """,
                4, 4, "`signatures` is indented by 3 spaces, which lines up with no key above it",
                "line it up with the key it belongs beside: 4 spaces as `permission` above it, or 2 spaces as `op`");
    }

    @Test
    void a_list_item_indented_unlike_the_items_above() {
        assertMistake("""
                keys:
                  - partner1_active
                 - partner2_active
                """,
                3, 2, "the list item `- partner2_active` has 1 space of indentation, the items above it 2 spaces",
                "give it 2 spaces like the items above, so that it belongs to the same list");
    }

    @Test
    void a_list_item_among_the_keys_of_a_mapping() {
        assertMistake("""
                transaction:
                  account: vault
                  signatures: custodian_a
                  - custodian_b
                """,
                4, 3, "a list item `- custodian_b` among the keys of a mapping",
                "to give `signatures` a list, write `signatures:` alone on its line and indent the items under it");
    }

    @Test
    void a_step_without_its_dash() {
        assertMistake("""
                steps:
                  - op: deleteauth
                    permission: claim
                  op: deleteauth
                    permission: vote
                """,
                4, 3, "`op: deleteauth` is where the items of the list above are, but does not start with `- `",
                "start a new item with `- op: deleteauth`, or indent it under the item it belongs to");
    }

    @Test
    void a_flow_item_without_its_dash() {
        assertMistake("""
                keys:
                  - {key: custodian_a, weight: 1}
                  {key: custodian_b, weight: 1}
                """,
                3, 3, "`{key: custodian_b, weight: 1}` is where the items of the list above are, but does not start with `- `",
                "start a new item with `- {key: custodian_b, weight: 1}`, or indent it under the item it belongs to");
    }

    @Test
    void windows_line_ends_keep_the_lines_apart() {
        assertMistake("account: vault\r\n  action: spend\r\n",
                2, 3, "`action` is indented more than `account` above it, whose value is already given",
                "start `action` at the beginning of the line, as `account`, if it is its sibling; "
                        + "or move `account`'s value onto lines under it if `action` belongs inside");
    }

    // ---- quotes ----

    @Test
    void an_unclosed_double_quote_is_reported_where_it_opens_not_at_the_end_of_the_file() {
        assertMistake("""
                quorate: 1
                keys:
                  alice: "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  bob: EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
                accounts: {}
                """,
                3, 10, "the quoted value starting here is not closed: its `\"` has no closing `\"` on this line",
                "close the quote at the end of the value: `alice: \"EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV\"`");
    }

    @Test
    void an_unclosed_single_quote() {
        assertMistake("""
                accounts:
                  vault:
                    chain: 'generic
                """,
                3, 12, "the quoted value starting here is not closed: its `'` has no closing `'` on this line",
                "close the quote at the end of the value: `chain: 'generic'`");
    }

    @Test
    void an_unclosed_quote_that_runs_into_the_next_quoted_value() {
        assertMistake("""
                keys:
                  alice: "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  bob: "EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws"
                """,
                2, 10, "the quoted value starting here is not closed: its `\"` has no closing `\"` on this line",
                "close the quote at the end of the value: `alice: \"EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV\"`");
    }

    @Test
    void an_unclosed_quote_inside_a_list() {
        assertMistake("""
                signatures: ["partner1_active, partner2_active]
                expect: allow
                """,
                1, 14, "the quoted value starting here is not closed: its `\"` has no closing `\"` on this line",
                "close the quote at the end of the value: `signatures: [\"partner1_active\", partner2_active]`");
    }

    @Test
    void a_backslash_in_double_quotes() {
        assertMistake("""
                policy: "C:\\policies\\vault.yaml"
                """,
                1, 12, "`\\p` is not an escape sequence YAML knows inside double quotes",
                "use single quotes for text with backslashes: `policy: 'C:\\policies\\vault.yaml'`, or write `\\\\` for one backslash");
    }

    @Test
    void text_after_the_closing_quote() {
        assertMistake("""
                suppress:
                  - {check: single-key-control, reason: "cold key" in a vault}
                """,
                2, 52, "`in a vault` follows the closing quote of `\"cold key\"`",
                "put the whole value inside the quotes: `- {check: single-key-control, reason: \"cold key in a vault\"}`");
    }

    // ---- brackets ----

    @Test
    void a_list_closed_by_the_wrong_bracket() {
        assertMistake("""
                authorities:
                  admin: {threshold: 1, keys: [{key: custodian_a, weight: 1}}
                """,
                2, 31, "the list opened here with `[` is not closed: `}` comes before its `]`",
                "close it: `admin: {threshold: 1, keys: [{key: custodian_a, weight: 1}]}`");
    }

    @Test
    void a_mapping_never_closed() {
        assertMistake("""
                accounts:
                  vault: {chain: generic, authorities: {admin: {threshold: 1}}
                keys: {}
                """,
                2, 10, "the mapping opened here with `{` is never closed",
                "close it with `}`: `vault: {chain: generic, authorities: {admin: {threshold: 1}}}`");
    }

    @Test
    void a_list_never_closed_is_reported_where_it_opens() {
        assertMistake("""
                signatures: [partner1_active, partner2_active
                account: mymultisig11
                """,
                1, 13, "the list opened here with `[` is never closed",
                "close it with `]`: `signatures: [partner1_active, partner2_active]`");
    }

    @Test
    void a_list_over_two_lines_never_closed() {
        assertMistake("""
                signatures: [partner1_active,
                  partner2_active
                account: mymultisig11
                """,
                1, 13, "the list opened here with `[` is never closed",
                "close it with `]` at the end of line 2: `partner2_active]`");
    }

    @Test
    void a_bracket_too_many() {
        assertMistake("""
                signatures: [partner1_active, partner2_active]]
                """,
                1, 47, "`]` closes nothing: there is one too many",
                "remove it: `signatures: [partner1_active, partner2_active]`");
    }

    // ---- keys and colons ----

    @Test
    void a_key_without_its_colon() {
        assertMistake("""
                quorate: 1
                accounts
                  vault:
                    chain: generic
                """,
                2, 1, "`accounts` has no `:` after its key: each line of a mapping is `key: value`",
                "write `accounts:`");
    }

    @Test
    void a_key_and_value_without_the_colon_between_them() {
        assertMistake("""
                accounts:
                  vault:
                    chain generic
                    options: {max_depth: 3}
                """,
                3, 5, "`chain generic` has no `:` after its key: each line of a mapping is `key: value`",
                "write `chain: generic`");
    }

    @Test
    void a_lone_word_among_keys() {
        assertMistake("""
                keys:
                  alice: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  bob
                """,
                3, 3, "`bob` has no `:` after its key: each line of a mapping is `key: value`",
                "write `bob: ` followed by its value");
    }

    @Test
    void a_colon_without_its_space_is_reported_on_its_own_line() {
        assertMistake("""
                accounts:
                  vault:
                    chain:generic
                    options: {max_depth: 3}
                """,
                3, 10, "`chain:generic` needs a space after its `:`",
                "write `chain: generic`: a key is followed by `: `, colon and space");
    }

    @Test
    void a_colon_without_its_space_on_the_first_line() {
        assertMistake("""
                quorate:1
                accounts: {}
                """,
                1, 8, "`quorate:1` needs a space after its `:`",
                "write `quorate: 1`: a key is followed by `: `, colon and space");
    }

    @Test
    void a_flow_mapping_glued_to_its_key() {
        assertMistake("""
                keys:
                  custodian_a: {key: custodian-a-hsm, holder: alice@acme}
                  custodian_b:{key: custodian-b-hsm, holder: bob@acme}
                """,
                3, 14, "`custodian_b:{key: custodian-b-hsm, holder: bob@acme}` needs a space after its `:`",
                "write `custodian_b: {key: custodian-b-hsm, holder: bob@acme}`: a key is followed by `: `, colon and space");
    }

    @Test
    void a_key_and_a_value_with_colons_but_no_colon_between_them() {
        assertMistake("""
                account: mymultisig11
                action eosio.token::transfer
                authorization: mymultisig11@active
                """,
                2, 1, "`action eosio.token::transfer` has no `:` after its key: each line of a mapping is `key: value`",
                "write `action: eosio.token::transfer`");
    }

    @Test
    void a_value_containing_colon_and_space() {
        assertMistake("""
                suppress:
                  - check: single-key-control
                    reason: reviewed: cold key in a vault
                """,
                3, 21, "the value of `reason` contains `: `, which YAML reads as another key",
                "quote the value: `reason: \"reviewed: cold key in a vault\"`");
    }

    // ---- characters YAML reserves ----

    @Test
    void a_value_starting_with_an_at_sign() {
        assertMistake("""
                authorization: @active
                """,
                1, 16, "`@active` cannot start with `@`: YAML reserves it at the start of a value",
                "quote the value: `authorization: \"@active\"`");
    }

    @Test
    void a_value_in_a_list_starting_with_a_greater_than_sign() {
        assertMistake("""
                keys:
                  - {key: >ops_lead, weight: 25}
                """,
                2, 11, "`>ops_lead` starts with `>`, which begins a block of text in YAML",
                "quote the value: `- {key: \">ops_lead\", weight: 25}`");
    }

    @Test
    void a_value_in_backticks() {
        assertMistake("""
                account: `vault`
                """,
                1, 10, "the value is in backticks, which YAML does not read as quotes",
                "quote the value: `account: \"vault\"`");
    }

    @Test
    void a_lone_star_is_an_alias_without_a_name() {
        assertMistake("""
                steps:
                  - {op: unlinkauth, code: eosio.token, type: *}
                """,
                2, 47, "`*` starts an alias in YAML, and no name follows it",
                "quote the value if `*}` is meant as text: `- {op: unlinkauth, code: eosio.token, type: \"*}\"`");
    }

    @Test
    void a_value_starting_with_a_pipe() {
        assertMistake("""
                reason: |cold key
                """,
                1, 9, "`|cold key` starts with `|`, which begins a block of text in YAML",
                "quote the value: `reason: \"|cold key\"`");
    }

    // ---- mistakes YAML accepts, found when the file is read ----

    @Test
    void a_list_item_without_its_space() {
        List<Diagnostic> d = new ArrayList<>();
        YamlMapping m = (YamlMapping) YamlReader.read("f.yaml", "signatures:\n  -partner1_active\n  -partner2_active\n", d).orElseThrow();
        new Expect(d).list(m.get("signatures"), "`signatures`");
        assertDiagnostic(d, "wrong-type", 2, 3, "`signatures`: expected a list, found `-partner1_active -partner2_active`",
                "a list item is `- ` with a space: write `- partner1_active`");
    }

    @Test
    void a_mapping_written_without_the_space_after_its_colon() {
        List<Diagnostic> d = new ArrayList<>();
        YamlMapping m = (YamlMapping) YamlReader.read("f.yaml", "thresholds:\n  deployment:2\n", d).orElseThrow();
        new Expect(d).mapping(m.get("thresholds"), "`thresholds`");
        assertDiagnostic(d, "wrong-type", 2, 3, "`thresholds`: expected a mapping, found `deployment:2`",
                "a key is followed by `: `, colon and space: write `deployment: 2`");
    }

    @Test
    void the_fields_of_a_mapping_not_indented_under_its_key() {
        List<Diagnostic> d = new ArrayList<>();
        YamlMapping m = (YamlMapping) YamlReader.read("f.yaml", "accounts:\n  vault:\n  chain: generic\n", d).orElseThrow();
        new Expect(d).mapping(((YamlMapping) m.get("accounts")).get("vault"), "account `vault`");
        assertDiagnostic(d, "wrong-type", 2, 9, "account `vault`: expected a mapping, found nothing",
                "nothing is written after the key: if what belongs to it is on the lines below, indent them further than the key");
    }

    @Test
    void a_key_written_twice_is_reported_at_the_second() {
        List<Diagnostic> d = new ArrayList<>();
        YamlMapping m = (YamlMapping) YamlReader.read("f.yaml", "account: vault\naction: spend\naccount: treasury\n", d).orElseThrow();
        new Expect(d).mapping(m, "transaction `f.yaml#1`");
        assertDiagnostic(d, "duplicate-key", 3, 1, "transaction `f.yaml#1`: field `account` is given twice (first at line 1)",
                "remove one of them");
    }

    // ---- what is not recognised keeps the parser's words, with advice ----

    @Test
    void content_after_the_end_of_the_document() {
        assertMistake("""
                account: vault
                ...
                action: spend
                """,
                2, 1, "`...` ends the document here, and the lines after it belong to none",
                "remove the `...` line: a file holds one document");
    }

    @Test
    void an_unrecognised_mistake_keeps_the_parsers_words_and_gets_general_advice() {
        assertMistake("""
                %YAML 1.1
                %YAML 1.1
                ---
                account: vault
                """,
                2, 1, "found duplicate YAML directive", "check this line and the one above it: the indentation, each `key: value` (a space after the colon), "
                        + "and that every quote and bracket is closed");
    }

    private static void assertMistake(String yaml, int line, int column, String message, String help) {
        List<Diagnostic> d = new ArrayList<>();
        YamlReader.read("f.yaml", yaml, d).ifPresent(n -> {
            throw new AssertionError("read without a syntax error: " + n);
        });
        assertDiagnostic(d, YamlReader.SYNTAX, line, column, message, help);
    }

    private static void assertDiagnostic(List<Diagnostic> d, String code, int line, int column, String message, String help) {
        assertEquals(1, d.size(), d.toString());
        Diagnostic x = d.get(0);
        String at = x.render();
        assertEquals(code, x.code(), at);
        assertEquals(line, x.at().line(), at);
        assertEquals(column, x.at().column(), at);
        if (message != null) assertEquals(message, x.message(), at);
        assertEquals(help, x.help(), at);
    }
}
