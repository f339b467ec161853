package io.quorate.chain.casper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CasperDeployTest {

    @Test
    void casper_ttl_reads_humantime() {
        assertEquals(1_800_000L, CasperDeploy.ttl("30m"));
        assertEquals(5_400_000L, CasperDeploy.ttl("1h 30m"));
        assertEquals(86_400_000L, CasperDeploy.ttl("1day"));
        assertEquals(500L, CasperDeploy.ttl("500ms"));
        assertThrows(IllegalArgumentException.class, () -> CasperDeploy.ttl("soon"));
    }
}
