package io.quorate.lint;

import static io.quorate.lint.Lints.assertFinds;
import static io.quorate.lint.Lints.assertNoFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of an organisation's conditions: rules that never decide, approvals and moments that never come, lists that never match. */
class ConditionChecksTest {

    static final String EOS = """
            quorate: 1
            keys:
              cfo: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
              deputy: EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
              controller: EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
            groups:
              cfo_office: [cfo, deputy, controller]
              doubled: [cfo, EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs]
            lists:
              exchanges: [binancecold1, krakenkraken]
            accounts:
              treasury:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: cfo, weight: 1}]}
                  active: {threshold: 1, keys: [{key: cfo, weight: 1}]}
                conditions:
            """;

    /** The line of the first line of {@code yaml} that holds {@code marker}. */
    static int lineOf(String yaml, String marker) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i + 1;
        throw new AssertionError("no `" + marker + "` in the policy");
    }

    static Finding finds(String yaml, String check) {
        return assertFinds(yaml, check, "treasury", null, lineOf(yaml, "# ← " + check));
    }

    // ---- shadowed-condition ---------------------------------------------------------------------------

    @Test
    @CheckTest(value = "shadowed-condition", unsafe = true)
    void shadowed_condition_flags_a_deny_after_an_allow_that_covers_it() {
        Finding f = finds(EOS + """
                      rules:
                        - name: small
                          when: {action: eosio.token::transfer, amount: {le: "1000.0000 EOS"}}
                          allow: true
                        - name: sanctioned-small                        # ← shadowed-condition
                          when: {action: eosio.token::transfer, to: {in: [badactor1111]}, amount: {lt: "500.0000 EOS"}}
                          deny: destination is sanctioned
                """, "shadowed-condition");
        assertTrue(f.message().contains("rule `small` (line 19, allow)"), f.message());
        assertTrue(f.message().endsWith("so its deny never applies"), f.message());
    }

    @Test
    @CheckTest(value = "shadowed-condition", unsafe = true)
    void shadowed_condition_flags_a_rule_after_a_wider_list_window_and_spending_limit() {
        finds(EOS + """
                      rules:
                        - name: exchanges-after-hours
                          when: {to: {in: exchanges}, time: {outside: {days: [mon, tue, wed, thu, fri], hours: "08:00-18:00", zone: Europe/Berlin}},
                                 spent: {period: 24h, over: "100.0000 EOS"}}
                          require: {group: cfo_office, count: 2}
                        - name: binance-at-night                         # ← shadowed-condition
                          when: {to: {in: [binancecold1]}, time: {within: {hours: "22:00-06:00", zone: Europe/Berlin}},
                                 spent: {period: 24h, over: "5000.0000 EOS"}, memo: {matches: "x.*"}}
                          deny: not at night
                """, "shadowed-condition");
    }

    @Test
    @CheckTest(value = "shadowed-condition", unsafe = true)
    void shadowed_condition_flags_everything_after_an_empty_when() {
        finds(EOS + """
                      rules:
                        - name: everything
                          when: {}
                          allow: true
                        - name: sanctioned                               # ← shadowed-condition
                          when: {to: {not_in: exchanges}}
                          deny: no
                """, "shadowed-condition");
    }

    @Test
    @CheckTest(value = "shadowed-condition", unsafe = false)
    void shadowed_condition_accepts_rules_the_earlier_ones_leave_something_to() {
        assertNoFinding(EOS + """
                      rules:
                        - name: sanctioned
                          when: {action: eosio.token::transfer, to: {in: [badactor1111]}}
                          deny: destination is sanctioned
                        - name: small
                          when: {action: eosio.token::transfer, amount: {le: "1000.0000 EOS"}}
                          allow: true
                        - name: large-by-day
                          when: {action: eosio.token::transfer, amount: {ge: "1000.0000 EOS"}, time: {within: {hours: "08:00-18:00"}}}
                          require: {group: cfo_office, count: 2}
                        - name: large
                          when: {action: eosio.token::transfer, amount: {gt: "999.9999 EOS"}}
                          require: {group: cfo_office, count: 3}
                        - name: other-memo
                          when: {memo: {matches: "a.*"}}
                          deny: no
                        - name: windows-apart
                          when: {time: {within: {hours: "08:00-18:00", zone: UTC}}, to: {not_in: exchanges}}
                          deny: no
                        - name: windows-apart-2
                          when: {time: {within: {hours: "18:00-20:00", zone: UTC}}, to: {not_in: [binancecold1]}}
                          deny: no
                """, "shadowed-condition");
    }

    @Test
    @CheckTest(value = "shadowed-condition", unsafe = false)
    void shadowed_condition_says_nothing_under_deny_overrides() {
        assertNoFinding(EOS.replace("    conditions:\n", "    conditions:\n      combine: deny-overrides\n") + """
                      rules:
                        - name: everything
                          when: {}
                          allow: true
                        - name: sanctioned
                          when: {to: {in: [badactor1111]}}
                          deny: no
                """, "shadowed-condition");
    }

    // ---- condition-never-matches ----------------------------------------------------------------------

    @Test
    @CheckTest(value = "condition-never-matches", unsafe = true)
    void condition_never_matches_flags_amount_bounds_no_amount_meets() {
        Finding f = finds(EOS + """
                      rules:
                        - name: between                                 # ← condition-never-matches
                          when: {amount: {gt: "10.0000 EOS", lt: "10.0001 EOS"}}
                          deny: no
                """, "condition-never-matches");
        assertTrue(f.message().contains("no amount of EOS is > 10.0000 EOS and < 10.0001 EOS"), f.message());
    }

    @Test
    @CheckTest(value = "condition-never-matches", unsafe = true)
    void condition_never_matches_flags_outside_a_window_of_the_whole_week() {
        finds(EOS + """
                      rules:
                        - name: never                                   # ← condition-never-matches
                          when: {time: {outside: {hours: "00:00-24:00", zone: America/New_York}}}
                          deny: closed
                """, "condition-never-matches");
    }

    @Test
    @CheckTest(value = "condition-never-matches", unsafe = false)
    void condition_never_matches_accepts_a_one_unit_range_and_a_short_window() {
        assertNoFinding(EOS + """
                      rules:
                        - name: exactly-ten
                          when: {amount: {ge: "10.0000 EOS", lt: "10.0001 EOS"}}
                          deny: no
                        - name: sunday-minute
                          when: {time: {within: {days: [sun], hours: "23:59-24:00", zone: Pacific/Kiritimati}}}
                          deny: no
                """, "condition-never-matches");
    }

    // ---- approval-unreachable -------------------------------------------------------------------------

    @Test
    @CheckTest(value = "approval-unreachable", unsafe = true)
    void approval_unreachable_flags_a_count_above_the_groups_distinct_keys() {
        Finding f = finds(EOS + """
                      rules:
                        - name: two-of-doubled
                          when: {}
                          require: {group: doubled, count: 2}           # ← approval-unreachable
                """, "approval-unreachable");
        assertTrue(f.message().contains("group `doubled` has 1 on eos (`cfo` and `EOS6sAXWJh…` are the same key)"), f.message());
    }

    @Test
    @CheckTest(value = "approval-unreachable", unsafe = true)
    void approval_unreachable_flags_all_with_an_impossible_part_and_any_with_only_impossible_parts() {
        String yaml = EOS + """
                      rules:
                        - name: all
                          when: {action: eosio.token::transfer}
                          require:
                            all:
                              - {key: cfo}
                              - {group: doubled, count: 2}              # ← approval-unreachable
                        - name: any
                          when: {action: eosio.token::open}
                          require: {any: [{group: doubled, count: 2}, {group: doubled, count: 2}]}   # ← any
                """;
        finds(yaml, "approval-unreachable");
        Finding any = assertFinds(yaml, "approval-unreachable", "treasury", null, lineOf(yaml, "# ← any"));
        assertTrue(any.message().contains("`any`: no part can be met"), any.message());
    }

    @Test
    @CheckTest(value = "approval-unreachable", unsafe = false)
    void approval_unreachable_accepts_any_with_one_part_that_can_be_met() {
        assertNoFinding(EOS + """
                      rules:
                        - name: any
                          when: {}
                          require: {any: [{group: doubled, count: 2}, {all: [{group: cfo_office, count: 3}, {group: doubled, count: 1}]}]}
                """, "approval-unreachable");
    }

    // ---- no-moment-to-act -----------------------------------------------------------------------------

    @Test
    @CheckTest(value = "no-moment-to-act", unsafe = true)
    void no_moment_to_act_flags_windows_that_together_deny_the_whole_week() {
        String yaml = EOS.replace("    conditions:\n", "    conditions:                                    # ← no-moment-to-act\n") + """
                      rules:
                        - name: nights
                          when: {time: {outside: {hours: "08:00-18:00", zone: Europe/Berlin}}}
                          deny: closed at night
                        - name: days
                          when: {time: {within: {hours: "08:00-18:00", zone: Europe/Berlin}}}
                          deny: closed by day
                        - name: small
                          when: {amount: {le: "1.0000 EOS"}}
                          allow: true
                """;
        Finding f = finds(yaml, "no-moment-to-act");
        assertTrue(f.message().contains("rules `nights`, `days` deny every action at every moment"), f.message());
    }

    @Test
    @CheckTest(value = "no-moment-to-act", unsafe = true)
    void no_moment_to_act_flags_default_deny_with_only_deny_rules() {
        String yaml = EOS.replace("    conditions:\n", "    conditions:                                    # ← no-moment-to-act\n      default: deny\n") + """
                      rules:
                        - name: sanctioned
                          when: {to: {in: [badactor1111]}}
                          deny: sanctioned
                """;
        Finding f = finds(yaml, "no-moment-to-act");
        assertTrue(f.message().endsWith("no rule allows or requires approvals and the default is deny"), f.message());
    }

    @Test
    @CheckTest(value = "no-moment-to-act", unsafe = false)
    void no_moment_to_act_accepts_office_hours_in_another_zone() {
        assertNoFinding(EOS.replace("    conditions:\n", "    conditions:\n      default: deny\n") + """
                      rules:
                        - name: nights
                          when: {time: {outside: {days: [mon, tue, wed, thu, fri], hours: "08:00-18:00", zone: Europe/Berlin}}}
                          deny: closed
                        - name: not-new-york-hours
                          when: {time: {outside: {hours: "09:00-17:00", zone: America/New_York}}}
                          deny: closed
                        - name: office
                          when: {action: eosio.token::transfer}
                          require: {group: cfo_office, count: 2}
                """, "no-moment-to-act");
    }

    // ---- authority-never-allowed ----------------------------------------------------------------------

    static final String HIVE = """
            quorate: 1
            keys:
              owner_key: STM4wiaE7pTxMHAd6MJwf42XRSURZxkqp13cu1qBhaapG7mcf6MPH
              ops_key: STM52hcGz6EmjZWiS2su9shGtqLpJDNrzLsFyPwxCZdz26SpGqpse
            accounts:
              treasury:
                chain: hive
                owner:   {threshold: 1, keys: [{key: owner_key, weight: 1}]}
                active:  {threshold: 1, keys: [{key: ops_key, weight: 1}]}
                posting: {threshold: 1, keys: [{key: ops_key, weight: 1}]}
                conditions:
                  combine: deny-overrides
                  default: deny
                  rules:
                    - {name: payments, when: {action: transfer}, allow: true}
                    - {name: social, when: {action: [vote, comment]}, allow: true}
            """;

    @Test
    @CheckTest(value = "authority-never-allowed", unsafe = true)
    void authority_never_allowed_flags_a_hive_owner_whose_operations_the_default_denies() {
        String yaml = HIVE.replace("    owner:   {threshold: 1, keys: [{key: owner_key, weight: 1}]}\n",
                "    owner:   {threshold: 1, keys: [{key: owner_key, weight: 1}]}   # ← authority-never-allowed\n");
        Finding f = assertFinds(yaml, "authority-never-allowed", "treasury", "owner", lineOf(yaml, "# ← authority-never-allowed"));
        assertTrue(f.message().startsWith("account `treasury`: role `owner`: can never act: the chain lets it act for `"), f.message());
        assertTrue(f.message().contains("`change_recovery_account`"), f.message());
        assertTrue(f.message().contains("no rule allows or requires approvals for them and the default is deny"), f.message());
        assertEquals(1, Lints.lint(yaml).findings().stream().filter(x -> x.id().equals("authority-never-allowed")).count());
    }

    @Test
    @CheckTest(value = "authority-never-allowed", unsafe = false)
    void authority_never_allowed_accepts_a_hive_owner_with_a_rule_for_its_operations() {
        assertNoFinding(HIVE + """
                        - {name: owner-changes, when: {action: [account_update_owner, change_recovery_account]}, require: {key: owner_key}}
                """, "authority-never-allowed");
    }

    @Test
    void authority_never_allowed_lets_a_hive_owner_stand_in_for_active_before_hardfork_28() {
        assertNoFinding(HIVE.replace("    chain: hive\n", "    chain: hive\n    options: {hardfork: 27}\n"), "authority-never-allowed");
    }

    @Test
    void authority_never_allowed_flags_an_eos_permission_whose_linked_actions_the_conditions_deny() {
        String yaml = EOS.replace("    conditions:\n", """
                      claimer: {parent: active, threshold: 1, keys: [{key: deputy, weight: 1}]}   # ← authority-never-allowed
                    links: {eosio::claimrewards: claimer}
                    conditions:
                      default: deny
                      rules:
                        - {name: no-claims, when: {action: eosio::claimrewards}, deny: claims are paused}
                        - {name: transfers, when: {action: eosio.token::transfer}, allow: true}
                """);
        Finding f = assertFinds(yaml, "authority-never-allowed", "treasury", "claimer", lineOf(yaml, "# ← authority-never-allowed"));
        assertTrue(f.message().contains("`eosio::claimrewards`, `claimer`"), f.message());
        assertTrue(f.message().contains("rule `no-claims` deny them and the default is deny"), f.message());
        // owner and active may still act for everything else
        assertEquals(1, Lints.lint(yaml).findings().stream().filter(x -> x.id().equals("authority-never-allowed")).count());
    }

    @Test
    void authority_never_allowed_flags_casper_key_management_when_only_deploys_are_allowed() {
        String yaml = """
                quorate: 1
                keys:
                  cfo: 0202aab37a0748e187e57e7da53e760feedcd4a92a7394a1637f72be14c395a88b62
                  ops: 0203c1078a2dce14c0ef443542780da4ed06774a23673044ac05c4177c9713813b81
                accounts:
                  vault:
                    chain: casper
                    keys: [{key: cfo, weight: 2}, {key: ops, weight: 1}]
                    thresholds: {deployment: 1, key_management: 2}   # ← authority-never-allowed
                    conditions:
                      default: deny
                      rules:
                        - {name: deploys, when: {action: deploy}, allow: true}
                """;
        assertFinds(yaml, "authority-never-allowed", "vault", "key_management", lineOf(yaml, "# ← authority-never-allowed"));
        assertFinds(yaml, "authority-never-allowed", "vault", "upgrade_management", lineOf(yaml, "# ← authority-never-allowed"));
    }

    @Test
    void authority_never_allowed_flags_an_ft4_descriptor_without_a_flag_any_allowed_action_needs() {
        String yaml = """
                quorate: 1
                keys:
                  a: 03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6
                accounts:
                  shop:
                    chain: ft4
                    auth_descriptors:
                      main: {main: true, signers: [a], flags: [A, T]}
                      bot: {signers: [a], flags: [X]}                      # ← authority-never-allowed
                    conditions:
                      default: deny
                      rules:
                        - {name: transfers, when: {action: transfer}, allow: true}
                """;
        Finding f = assertFinds(yaml, "authority-never-allowed", "shop", "bot", lineOf(yaml, "# ← authority-never-allowed"));
        assertTrue(f.message().contains("requests by flags") && f.message().endsWith("add a rule whose `when` names no action"
                + " (requests by flags name none) that allows it or requires approvals"), f.message());
    }

    @Test
    void authority_never_allowed_flags_a_generic_authority_and_not_its_parent() {
        String yaml = """
                quorate: 1
                keys:
                  k1: key-one
                  k2: key-two
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 1, keys: [{key: k1, weight: 1}]}
                      spend: {parent: admin, threshold: 1, keys: [{key: k2, weight: 1}]}   # ← authority-never-allowed
                    actions: {withdraw: spend, "*": admin}
                    conditions:
                      rules:
                        - {name: frozen, when: {action: [withdraw, spend]}, deny: withdrawals are frozen}
                """;
        assertFinds(yaml, "authority-never-allowed", "vault", "spend", lineOf(yaml, "# ← authority-never-allowed"));
        assertEquals(1, Lints.lint(yaml).findings().stream().filter(x -> x.id().equals("authority-never-allowed")).count());
    }

    @Test
    void authority_never_allowed_leaves_a_set_that_denies_everything_to_no_moment_to_act() {
        String yaml = EOS.replace("    conditions:\n", "    conditions:\n      default: deny\n") + """
                      rules:
                        - {name: sanctioned, when: {to: {in: [badactor1111]}}, deny: sanctioned}
                """;
        assertFinds(yaml, "no-moment-to-act", "treasury", null, lineOf(yaml, "    conditions:"));
        assertNoFinding(yaml, "authority-never-allowed");
    }

    // ---- invalid-list-entry ---------------------------------------------------------------------------

    @Test
    @CheckTest(value = "invalid-list-entry", unsafe = true)
    void invalid_list_entry_flags_an_entry_no_eos_account_can_have() {
        Finding f = finds(EOS + """
                      rules:
                        - name: sanctioned
                          when: {to: {in: [Binance.Cold, binancecold1]}}  # ← invalid-list-entry
                          deny: sanctioned
                """, "invalid-list-entry");
        assertTrue(f.message().contains("`Binance.Cold` can never match a eos account"), f.message());
    }

    @Test
    @CheckTest(value = "invalid-list-entry", unsafe = false)
    void invalid_list_entry_accepts_names_the_chain_allows() {
        assertNoFinding(EOS + """
                      rules:
                        - name: exchanges
                          when: {to: {in: exchanges}, from: {not_in: [a.b.c, eosio.token, z12345]}}
                          deny: no
                """, "invalid-list-entry");
    }

    @Test
    void invalid_list_entry_points_at_the_entry_in_a_file_beside_the_policy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sanctioned.txt"), "# sanctioned accounts\nbadactor1111\n\n  hacker0\nbadactor2222\n");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, EOS.replace("  exchanges: [binancecold1, krakenkraken]",
                "  exchanges:\n    - binancecold1\n    - KrakenKraken\n  sanctioned: {file: sanctioned.txt}") + """
                      rules:
                        - name: sanctioned
                          when: {to: {in: sanctioned}}
                          deny: sanctioned
                        - name: exchanges
                          when: {to: {in: exchanges}}
                          require: {group: cfo_office, count: 2}
                """);
        LintReport report = Linter.lint(PolicyLoader.load(List.of(policy)), new LintOptions(Map.of(), Lints.TODAY));
        List<String> found = report.findings().stream().filter(f -> f.id().equals("invalid-list-entry"))
                .map(f -> Path.of(f.at().file()).getFileName() + ":" + f.at().line() + ":" + f.at().column()).toList();
        assertEquals(List.of("policy.yaml:12:7", "sanctioned.txt:4:3"), found);
    }

    @Test
    void invalid_list_entry_judges_a_shared_list_by_the_chain_of_each_account_using_it() {
        String yaml = """
                quorate: 1
                lists:
                  payees: [alice, ab, treasury.eos]
                conditions:
                  standard:
                    rules:
                      - {name: payees, when: {to: {not_in: payees}}, deny: not a payee}
                accounts:
                  vault:
                    chain: hive
                    owner: {threshold: 1, keys: [{key: STM5hWTqmVT72bxiGiFyjnCeH6EHRDS6LXKMdwwo2fSUjdH3cRzQd, weight: 1}]}
                    conditions: standard
                """;
        List<Finding> found = Lints.lint(yaml).findings().stream().filter(f -> f.id().equals("invalid-list-entry")).toList();
        assertEquals(1, found.size(), Lints.describe(found));
        assertTrue(found.get(0).message().startsWith("account `vault`: list `payees`: `ab` can never match a hive account"),
                found.get(0).message());
    }
}
