package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.policies.PolicyCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example of docs/library.md is the code of {@link PolicyCheck}, and it runs as the page says. */
class LibraryExampleTest {

    @Test
    void the_documented_example_is_this_code() throws Exception {
        String page = Files.readString(Path.of("docs/library.md"));
        Matcher block = Pattern.compile("```java\n(package com\\.example\\.policies;.*?)```", Pattern.DOTALL).matcher(page);
        assertTrue(block.find(), "docs/library.md has no example in package com.example.policies");
        assertEquals(Files.readString(Path.of("src/test/java/com/example/policies/PolicyCheck.java")), block.group(1));
    }

    @Test
    void the_example_lints_allows_and_denies_on_the_bundled_policies() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            PolicyCheck.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("warning[weaker-parent]: account `test.auth`"), printed);
        assertTrue(printed.contains("allow by test.auth@active: weight 50 of 40"), printed);
        assertTrue(printed.contains("deny: missing active authority of `test.auth`: weight 25 of threshold 40; any of [[treasurer]] would do"), printed);
    }
}
