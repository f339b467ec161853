package io.quorate.policy.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each list entry keeps where it is written, read once with the list: a file's line, or its place in the policy. */
class ListEntryLocationsTest {

    private static final String POLICY = """
            quorate: 1
            keys:
              cfo: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
            lists:
              exchanges: [binancecold1, krakenkraken, binancecold1]
              payees:
                - alice
                -   bob
              sanctioned: {file: sanctioned.txt}
            accounts:
              treasury:
                chain: eos
                permissions:
                  owner:  {threshold: 1, keys: [{key: cfo, weight: 1}]}
                  active: {threshold: 1, keys: [{key: cfo, weight: 1}]}
                conditions:
                  rules:
                    - {name: sanctioned, when: {to: {in: sanctioned}}, deny: sanctioned}
                    - {name: payees, when: {to: {not_in: payees}, from: {in: [carol, dave]}}, deny: not a payee}
                    - {name: exchanges, when: {to: {in: exchanges}}, deny: exchange}
            """;

    @Test
    void inline_and_file_entries_keep_their_line_and_column(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sanctioned.txt"), "# sanctioned accounts\nbadactor1111\n\n  hacker0\r\nbadactor1111\n\t eve  \n");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        ConditionSet conditions = PolicyLoader.load(List.of(policy)).conditions();
        String file = policy.toString();
        String list = dir.resolve("sanctioned.txt").toString();

        assertEquals(Map.of("binancecold1", new SourceLocation(file, 5, 15), "krakenkraken", new SourceLocation(file, 5, 29)),
                places(conditions.lists().get("exchanges")));
        assertEquals(Map.of("alice", new SourceLocation(file, 7, 7), "bob", new SourceLocation(file, 8, 9)),
                places(conditions.lists().get("payees")));
        assertEquals(Map.of("badactor1111", new SourceLocation(list, 2, 1), "hacker0", new SourceLocation(list, 4, 3),
                "eve", new SourceLocation(list, 6, 3)), places(conditions.lists().get("sanctioned")));
        NamedList inline = conditions.accounts().get("treasury").rules().get(1).when().from().list();
        assertEquals(Map.of("carol", new SourceLocation(file, 19, 67), "dave", new SourceLocation(file, 19, 74)), places(inline));
    }

    /** Random list files: every entry is placed where a plain reading of the text finds it first. */
    @Test
    void file_entries_are_placed_where_the_text_first_holds_them(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int lines = random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append("");
                    case 1 -> text.append("# ").append(names[random.nextInt(names.length)]);
                    default -> text.append(" ".repeat(random.nextInt(3))).append(names[random.nextInt(names.length)])
                            .append(random.nextBoolean() ? "" : random.nextInt(100)).append(" ".repeat(random.nextInt(2)));
                }
                text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            Path file = dir.resolve("sanctioned.txt");
            Files.writeString(file, text);
            NamedList list = PolicyLoader.load(List.of(policy)).conditions().lists().get("sanctioned");

            Map<String, SourceLocation> expected = new HashMap<>();
            List<String> written = text.toString().lines().toList();
            for (int i = 0; i < written.size(); i++) {
                String entry = written.get(i).strip();
                if (entry.isEmpty() || entry.startsWith("#")) continue;
                expected.putIfAbsent(entry, new SourceLocation(file.toString(), i + 1, written.get(i).indexOf(entry) + 1));
            }
            assertEquals(expected, places(list), text.toString());
            assertEquals(expected.keySet(), list.entries());
        }
    }

    private static Map<String, SourceLocation> places(NamedList list) {
        Map<String, SourceLocation> out = new HashMap<>();
        EntryLocations at = list.locations();
        for (int i = 0; i < at.size(); i++) assertEquals(null, out.put(at.entry(i), at.at(i)), "an entry is placed once");
        assertEquals(list.entries(), out.keySet());
        assertEquals(out, at.of(list.entries()));
        return out;
    }
}
