package io.quorate.chain.ft4;

import static io.quorate.chains.imports.Imports.allows;
import static io.quorate.chains.imports.Imports.load;
import static io.quorate.chains.imports.Imports.problems;
import static io.quorate.chains.imports.Imports.resource;
import static io.quorate.chains.imports.Imports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chains.OnChainIds;
import io.quorate.chains.imports.Importer;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FT4 descriptor answers import into policies that load and decide like the chain. */
class Ft4ImportTest {

    @Test
    void ft4_descriptors_import_from_json_and_from_chr_output_alike() throws Exception {
        String fromJson = run("ft4", "ft4/get_account_auth_descriptors.json").yaml();
        String fromChr = run("ft4", "ft4/get_account_auth_descriptors.txt").yaml();
        assertEquals(fromJson.substring(fromJson.indexOf('\n')), fromChr.substring(fromChr.indexOf('\n')));
    }

    @Test
    void imported_ft4_descriptors_have_the_ids_the_chain_printed_and_decide_like_it() throws Exception {
        Importer.Result r = run("ft4", "ft4/get_account_auth_descriptors.txt");
        assertEquals(List.of(), r.warnings());
        PolicySet policy = load(r);
        Map<String, String> ids = OnChainIds.of(policy);
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", ids.get("ft4_885a6648"));
        assertEquals("CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5", ids.get("ft4_885a6648@main"));
        assertEquals("C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E", ids.get("ft4_885a6648@ad_c38d2d5e"));
        PreparedPolicy p = Quorate.prepare(policy);
        assertTrue(allows(p, "ft4_885a6648", "transfer", "ft4_885a6648_main_1", "ft4_885a6648_main_3"));
        assertEquals(false, allows(p, "ft4_885a6648", "transfer", "ft4_885a6648_main_2"));
        Transaction dan = new Transaction(null, List.of(ActionRequest.of("ft4_885a6648", "transfer")),
                List.of("035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC"), List.of(), null,
                new Context(null, 1_000_000L, null, null, 0), null, null);
        assertEquals(false, p.authorize(dan).allowed());
        Transaction later = new Transaction(null, dan.actions(), dan.signatures(), List.of(), null,
                new Context(null, 1876543210124L, null, null, 0), null, null);
        assertTrue(p.authorize(later).allowed());
    }

    @Test
    void the_main_descriptor_answer_marks_its_descriptor_main() throws Exception {
        PolicySet policy = load(run("ft4", "ft4/get_account_main_auth_descriptor.txt"));
        assertEquals("E6D0B18FD6BEE8EBE8E514DF55B46E5977FC4B3E16569B9D5A3C62FE050124A3", OnChainIds.of(policy).get("ft4_885a6648@main"));
    }

    @Test
    void an_account_whose_main_descriptor_cannot_be_told_asks_for_the_main_descriptor_answer() {
        String one = "{\"account_id\": \"885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5\", \"auth_type\": \"S\", "
                + "\"args\": [[\"A\", \"T\"], \"%s\"], \"rules\": null}";
        String json = "[" + one.formatted("022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146") + ", "
                + one.formatted("035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC") + "]";
        assertEquals(List.of("d.json: $[0]: cannot tell which of the account's 2 descriptors is main (2 have flags A and T without rules)\n"
                + "  help: import the output of `ft4.get_account_main_auth_descriptor` for the account too"),
                problems("ft4", "d.json", json));
    }

    @Test
    void a_descriptor_id_that_is_not_the_hash_of_its_contents_is_a_warning() throws Exception {
        String json = resource("ft4/get_account_auth_descriptors.json").replace("\"T\"\n      ],\n      \"035C", "\"A\", \"T\"\n      ],\n      \"035C");
        Importer.Result r = Importer.run("ft4", List.of(new Importer.Input("d.json", json)));
        assertEquals(1, r.warnings().size(), r.yaml());
        assertTrue(r.warnings().get(0).render().startsWith("d.json: $[1].id: the descriptor's id `C38D2D5E"), r.warnings().toString());
    }

    @Test
    void ft4_args_must_fit_the_auth_type() {
        List<String> p = problems("ft4", "d.json", """
                {"account_id": "885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", "auth_type": "M",
                 "args": [["A", "T"], "022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146"], "rules": null}
                """);
        assertEquals(List.of("d.json: $.args: a multi-sig (M) descriptor's args are [flags, signatures_required, signers], got 2 elements"), p);
    }

    @Test
    void chr_notation_errors_say_where() {
        List<String> p = problems("ft4", "d.txt", "[\n\"account_id\": x\"88\",\n\"args\": [x\"zz\"]\n]");
        assertEquals(List.of("d.txt: not JSON nor chr's GTV notation: line 3, column 10: x\"…\" holds `zz`, which is not hex"), p);
    }
}
