package io.quorate.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quorate.chains.OnChainId.Kind;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnChainIdsTest {

    static final String POLICY = """
            quorate: 1
            keys:
              alice: 03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6
              bob: 02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41
              charlie: 03B7EF6C5948022298051E57521CE56075A16A883516240021BD337C8A6E7DDD13
              dan: 035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC
              primary: 01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986
            accounts:
              company:
                chain: ft4
                account_id: 885a6648772ab9615ccd88d25201402f734b43ef20da959623591b0dca5098c5
                auth_descriptors:
                  owners: {main: true, signers: [alice, bob, charlie], signatures_required: 2, flags: [A, T]}
                  dan: {signers: [dan], flags: [T], rules: [gt, block_height, 1876543210123]}
              fresh:
                chain: ft4
                auth_descriptors:
                  main: {main: true, signers: [022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146], flags: [A, T]}
              treasury:
                chain: casper
                keys:
                  - {key: primary, weight: 3}
                  - {key: account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7, weight: 1}
                thresholds: {deployment: 2, key_management: 3}
                account_hash: account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7
              mymultisig11:
                chain: eos
                permissions:
                  owner: {threshold: 1, keys: [{key: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV, weight: 1}]}
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 1, keys: [{key: k1, weight: 1}]}
            """;

    static PolicySet policy() throws Exception {
        return PolicyLoader.load("ids.yaml", POLICY);
    }

    @Test
    void maps_the_names_reports_use_to_the_chains_ids() throws Exception {
        Map<String, String> ids = OnChainIds.of(policy());
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", ids.get("company"));
        assertEquals("CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5", ids.get("company@owners"));
        assertEquals("C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E", ids.get("company@dan"));
        assertEquals("E6D0B18FD6BEE8EBE8E514DF55B46E5977FC4B3E16569B9D5A3C62FE050124A3", ids.get("fresh@main"));
        assertEquals("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7", ids.get("treasury"));
        assertEquals("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7", ids.get("treasury@primary"));
        assertEquals("account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7",
                ids.get("treasury@account-hash-e2d00525cac31ae2756fb155f289d276c6945b6914923fe275de0cb127bffee7"));
        assertEquals("mymultisig11", ids.get("mymultisig11"));
        assertFalse(ids.containsKey("vault"));
    }

    @Test
    void an_undeclared_ft4_account_id_is_only_a_guess_and_stays_out_of_the_map() throws Exception {
        PolicySet policy = policy();
        List<OnChainId> fresh = OnChainIds.of(policy.account("fresh"));
        assertEquals(Kind.ACCOUNT_ID_IF_REGISTERED_WITH_MAIN, fresh.get(0).kind());
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", fresh.get(0).id());
        assertFalse(OnChainIds.of(policy).containsKey("fresh"));
    }
}
