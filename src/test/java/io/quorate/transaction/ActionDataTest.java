package io.quorate.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.assets.Amount;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionDataTest {

    static Transaction one(String yaml) throws InputException {
        return TransactionLoader.load("t.yaml", yaml).get(0);
    }

    static List<Diagnostic> problems(String yaml) {
        return assertThrows(InputException.class, () -> TransactionLoader.load("t.yaml", yaml)).diagnostics();
    }

    @Test
    void each_chain_names_its_data_its_own_way() throws Exception {
        ActionData eos = one("""
                {account: t, action: eosio.token::transfer, signatures: [],
                 data: {from: t, to: binancecold1, quantity: "12000.0000 EOS", memo: "inv-1"}}
                """).actions().get(0).data();
        assertEquals(new Amount(new BigDecimal("12000.0000"), "EOS"), eos.amount());
        assertEquals("binancecold1", eos.to());
        assertEquals("inv-1", eos.memo());
        assertEquals(new BigDecimal("5.000"), one("{account: h, action: transfer, signatures: [], data: {from: h, to: b, amount: 5.000 HIVE}}")
                .actions().get(0).data().amount().value());
        Amount motes = one("{account: c, action: deploy, signatures: [], data: {target: 01ab, amount: 2500000000}}").actions().get(0).data().amount();
        assertEquals(new Amount(new BigDecimal("2.500000000"), "CSPR"), motes);
        assertEquals(9, motes.value().scale());
        Amount chr = one("{account: f, action: transfer, signatures: [], data: {to: x, amount: \"1.5\", asset: CHR}}").actions().get(0).data().amount();
        assertEquals(new BigDecimal("1.500000"), chr.value());
        assertNull(one("{account: f, action: transfer, signatures: []}").actions().get(0).data());
    }

    @Test
    void wrong_precision_and_malformed_amounts_are_located() {
        List<Diagnostic> ds = problems("""
                - {account: t, action: a, signatures: [], data: {quantity: "12000.00 EOS"}}
                - {account: h, action: transfer, signatures: [], data: {amount: "5 HIVE"}}
                - {account: c, action: deploy, signatures: [], data: {target: x, amount: "2.5"}}
                - {account: e, action: a, signatures: [], data: {quantity: "-1.0000 EOS"}}
                - {account: f, action: a, signatures: [], data: {amount: "1.1234567", asset: CHR}}
                """);
        assertEquals(List.of("wrong-precision@1:60", "wrong-precision@2:65", "invalid-amount@3:74", "invalid-amount@4:60",
                "wrong-precision@5:58"), ds.stream().map(d -> d.code() + "@" + d.at().line() + ":" + d.at().column()).toList());
        assertTrue(ds.get(0).help().contains("4 decimals"), ds.get(0).help());
    }

    @Test
    void approvals_off_chain_and_spent_amounts_are_read() throws Exception {
        Transaction t = one("""
                {account: t, action: a, signatures: [], approved_by: [cfo, deputy],
                 context: {spent: {24h: "45000.0000 EOS", 7d: ["1.0000 EOS", "2.000 HIVE"]}}}
                """);
        assertEquals(List.of("cfo", "deputy"), t.approvedBy());
        assertEquals(List.of(Amount.parse("45000.0000 EOS")), t.context().spent().get(Duration.ofHours(24)));
        assertEquals(2, t.context().spent().get(Duration.ofDays(7)).size());
        assertEquals("invalid-period", problems("{account: t, action: a, signatures: [], context: {spent: {day: \"1.0000 EOS\"}}}").get(0).code());
    }

    @Test
    void native_transfers_carry_their_data() throws Exception {
        List<Transaction> hive = TransactionLoader.load(Path.of("src/test/resources/signed/hive.yaml"));
        ActionData d = hive.stream().filter(t -> "hive-transfer-hbd".equals(t.id())).findFirst().orElseThrow().actions().get(0).data();
        assertEquals(Amount.parse("0.500 HBD"), d.amount());
        assertEquals("bob", d.to());
        List<Transaction> casper = TransactionLoader.load(Path.of("src/test/resources/signed/casper.yaml"));
        ActionData c = casper.get(0).actions().get(0).data();
        assertEquals(new Amount(new BigDecimal("2.500000000"), "CSPR"), c.amount());
        assertEquals("01b55a0b21b76dbcf58e8ab082ace4edb94423e94d89d825f7f90de323da1a9ae6", c.to());
        assertTrue(Files.exists(Path.of("src/test/resources/signed/casper.yaml")));
    }
}
