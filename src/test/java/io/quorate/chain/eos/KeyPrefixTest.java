package io.quorate.chain.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chains.imports.Importer;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.keys.KeyFormatException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Antelope chains other than EOS write the same legacy keys with their own prefix (FIO…). */
class KeyPrefixTest {

    static final String EOS_KEY = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";
    static final String FIO_KEY = "FIO6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";

    @Test
    void a_fio_key_is_the_eos_key_with_another_prefix() throws KeyFormatException {
        assertEquals(EosKeys.decode(EOS_KEY), EosKeys.decode(FIO_KEY));
        String canonical = EosKeys.decode(EOS_KEY).canonical();
        byte[] point = HexFormat.of().parseHex(canonical.substring(canonical.indexOf(':') + 1));
        assertEquals(FIO_KEY, EosKeys.withLegacyPrefix("FIO").write(point));
        assertTrue(EosKeys.looksLikeKey(FIO_KEY));
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.withLegacyPrefix("EOS").decode(FIO_KEY));
        assertEquals("set the account's `options: {key_prefix: FIO}`, or write the key as `PUB_K1_…`", e.help());
    }

    @Test
    void an_account_with_key_prefix_fio_takes_fio_keys_and_decides_with_them() throws Exception {
        PolicySet policy = PolicyLoader.load("fio.yaml", """
                quorate: 1
                keys:
                  holder: %s
                accounts:
                  fioholder111:
                    chain: eos
                    options: {key_prefix: FIO}
                    permissions:
                      owner: {threshold: 1, keys: [{key: holder, weight: 1}]}
                      active: {threshold: 1, keys: [{key: %s, weight: 1}]}
                """.formatted(FIO_KEY, FIO_KEY));
        PreparedPolicy p = Quorate.prepare(policy);
        assertTrue(p.authorize(Transaction.of("fioholder111", "eosio.token::transfer", List.of("holder"))).allowed());
    }

    @Test
    void an_eos_account_without_the_prefix_is_told_how_to_take_fio_keys() {
        InputException e = assertThrows(InputException.class, () -> PolicyLoader.load("fio.yaml", """
                quorate: 1
                accounts:
                  fioholder111:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: %s, weight: 1}]}
                """.formatted(FIO_KEY)));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("invalid-key", d.code());
        assertTrue(d.message().contains("the key is written with the prefix `FIO`, but this account's keys use `EOS`"), d.message());
        assertEquals(6, d.at().line());
    }

    @Test
    void a_key_prefix_is_capital_letters() {
        InputException e = assertThrows(InputException.class, () -> PolicyLoader.load("fio.yaml", """
                quorate: 1
                accounts:
                  fioholder111:
                    chain: eos
                    options: {key_prefix: fio}
                    permissions:
                      owner: {threshold: 1, keys: [{key: %s, weight: 1}]}
                """.formatted(EOS_KEY)));
        assertTrue(e.diagnostics().get(0).message().contains("`key_prefix`: `fio` is not a key prefix"), e.diagnostics().toString());
    }

    @Test
    void a_fio_get_account_answer_imports_with_its_key_prefix() throws Exception {
        Importer.Result r = Importer.run("eos", List.of(new Importer.Input("fio.json", resource("eos/fio_get_account.json"))));
        assertTrue(r.yaml().contains("    options: {key_prefix: FIO}\n"), r.yaml());
        PolicySet policy = PolicyLoader.load("imported.yaml", r.yaml());
        EosAccount account = (EosAccount) policy.account("fioholder111");
        assertEquals(EosKeys.decode(EOS_KEY), account.permissions().get("owner").keys().get(0).key().id());
        assertEquals(2, account.permissions().get("transfer").keys().size());
    }

    static String resource(String path) throws IOException {
        try (InputStream in = KeyPrefixTest.class.getResourceAsStream("/import/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
