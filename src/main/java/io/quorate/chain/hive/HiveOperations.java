package io.quorate.chain.hive;

import java.util.List;
import java.util.Map;

/** Which role each Hive operation needs (the operation's own authority lists in hive_operations.cpp). */
public final class HiveOperations {

    private HiveOperations() {
    }

    private static final Map<String, String> ROLE = Map.ofEntries(
            Map.entry("owner", "owner"), Map.entry("active", "active"), Map.entry("posting", "posting"),
            Map.entry("transfer", "active"), Map.entry("transfer_to_vesting", "active"),
            Map.entry("withdraw_vesting", "active"), Map.entry("set_withdraw_vesting_route", "active"),
            Map.entry("delegate_vesting_shares", "active"), Map.entry("convert", "active"),
            Map.entry("collateralized_convert", "active"), Map.entry("limit_order_create", "active"),
            Map.entry("limit_order_create2", "active"), Map.entry("limit_order_cancel", "active"),
            Map.entry("account_witness_vote", "active"), Map.entry("account_witness_proxy", "active"),
            Map.entry("account_update", "active"), Map.entry("account_update2", "active"),
            Map.entry("account_create", "active"), Map.entry("create_claimed_account", "active"),
            Map.entry("claim_account", "active"), Map.entry("witness_update", "active"),
            Map.entry("witness_set_properties", "active"), Map.entry("custom_json", "active"),
            Map.entry("transfer_to_savings", "active"), Map.entry("transfer_from_savings", "active"),
            Map.entry("cancel_transfer_from_savings", "active"), Map.entry("escrow_transfer", "active"),
            Map.entry("escrow_approve", "active"), Map.entry("escrow_dispute", "active"),
            Map.entry("escrow_release", "active"), Map.entry("recurrent_transfer", "active"),
            Map.entry("create_proposal", "active"), Map.entry("update_proposal_votes", "active"),
            Map.entry("remove_proposal", "active"), Map.entry("request_account_recovery", "active"),
            Map.entry("recover_account", "owner"), Map.entry("decline_voting_rights", "owner"),
            Map.entry("change_recovery_account", "owner"), Map.entry("account_update_owner", "owner"),
            Map.entry("vote", "posting"), Map.entry("comment", "posting"), Map.entry("comment_options", "posting"),
            Map.entry("delete_comment", "posting"), Map.entry("claim_reward_balance", "posting"),
            Map.entry("custom_json_posting", "posting"));

    /** The operations whose role is known, for suggestions. */
    public static java.util.Set<String> names() {
        return ROLE.keySet();
    }

    /** The role an operation needs, or null for an operation Quorate does not know. */
    public static String role(String operation) {
        return ROLE.get(operation);
    }

    /**
     * The roles that may act for an operation needing {@code role}, in the order the chain tries
     * them: the role itself, and before hardfork 28 the higher roles that stand in for it (active
     * and owner for posting, owner for active).
     */
    static List<String> actingFor(String role, int hardfork) {
        if (hardfork >= 28) return List.of(role);
        return switch (role) {
            case "posting" -> List.of("posting", "active", "owner");
            case "active" -> List.of("active", "owner");
            default -> List.of(role);
        };
    }
}
