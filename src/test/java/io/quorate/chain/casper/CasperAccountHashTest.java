package io.quorate.chain.casper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.chains.IdVectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CasperAccountHashTest {

    @TestFactory
    Stream<DynamicTest> account_hashes_match_casper_js_sdk() {
        return IdVectors.cases("casper_account_hashes").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(),
                () -> assertEquals(c.get("account_hash").asText(), CasperKeys.accountHash(c.get("public_key").asText()))));
    }
}
