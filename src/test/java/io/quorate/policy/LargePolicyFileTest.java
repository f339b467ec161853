package io.quorate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargePolicyFileTest {

    @Test
    void a_policy_file_over_snakeyaml_s_3_mb_default_loads(@TempDir Path dir) throws Exception {
        // 3.4 MB; 10,000 accounts in 7.6 MB were refused: `the incoming YAML document exceeds the limit: 3145728 code points`
        String yaml = OneFilePolicy.of(4_500, 7);
        assertTrue(yaml.length() > 3 * 1024 * 1024, "the file is larger than the old limit: " + yaml.length());
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, yaml);

        PolicySet set = PolicyLoader.load(List.of(file));

        assertEquals(4_500, set.accounts().size());
    }
}
