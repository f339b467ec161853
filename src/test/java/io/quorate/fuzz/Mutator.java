package io.quorate.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Breaks a valid input file the ways real files and hostile ones break: flipped bytes, a cut-off
 * end, a repeated or lost stretch, a line copied thousands of times, brackets opened thousands
 * deep, a scalar of megabytes, YAML aliases that repeat each other (billion laughs), stray syntax
 * characters. Deterministic for a seed.
 */
final class Mutator {

    private static final String[] SYNTAX = {"{", "}", "[", "]", ":", ": ", "- ", ",", "&a ", "*a", "!!binary ", "? ", "|",
        ">", "'", "\"", "#", "\t", "\n", "  ", "%YAML 1.1\n", "---\n", "...\n", "\\u0000", "\u0000", "\uFEFF", "~", "null",
        "-9223372036854775809", "1e400", "0x", "SIG_K1_", "PUB_K1_", "STM", "account-hash-", "<<: *a\n"};

    /** Inputs stay under 8 MB of text, so that a test JVM holds the input and what is read from it. */
    private static final int MAX_CHARS = 4 << 20;

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code text}. */
    String mutate(String text) {
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            String next = once(text);
            if (next.length() <= MAX_CHARS) text = next;
        }
        return text;
    }

    private String once(String text) {
        return switch (random.nextInt(11)) {
            case 0 -> flipBytes(text);
            case 1 -> text.substring(0, random.nextInt(text.length() + 1));
            case 2 -> duplicate(text);
            case 3 -> delete(text);
            case 4 -> insert(text, SYNTAX[random.nextInt(SYNTAX.length)]);
            case 5 -> insert(text, deepNesting());
            case 6 -> insert(text, hugeScalar());
            case 7 -> insertLine(text, aliasBomb());
            case 8 -> insert(text, longBase58());
            case 9 -> manyEntries(text);
            default -> insert(text, String.valueOf((char) random.nextInt(0x3000)));
        };
    }

    /** A line repeated thousands of times, each copy's key numbered or not: many accounts, keys, actions, duplicates. */
    private String manyEntries(String text) {
        String[] lines = text.split("\n", -1);
        int at = random.nextInt(lines.length);
        String line = lines[at];
        int colon = line.indexOf(':');
        int copies = Math.min(500 + random.nextInt(5_000), MAX_CHARS / (line.length() + 1));
        boolean numbered = colon > 0 && random.nextBoolean();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < copies; i++) {
            out.append(numbered ? line.substring(0, colon) + i + line.substring(colon) : line).append('\n');
        }
        lines[at] = out + line;
        return String.join("\n", lines);
    }

    private String flipBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) return text;
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String duplicate(String text) {
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + random.nextInt(400));
        String part = text.substring(from, to);
        int times = Math.min(1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 3), MAX_CHARS / Math.max(1, part.length()));
        return text.substring(0, to) + part.repeat(times) + text.substring(to);
    }

    private String delete(String text) {
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + random.nextInt(200));
        return text.substring(0, from) + text.substring(to);
    }

    private String insert(String text, String piece) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + piece + text.substring(at);
    }

    /** Inserted at the start of a line, indented like that line, so the YAML around it stays valid more often. */
    private String insertLine(String text, String block) {
        String[] lines = text.split("\n", -1);
        int at = random.nextInt(lines.length);
        String indent = lines[at].substring(0, lines[at].length() - lines[at].stripLeading().length());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == at) {
                for (String b : block.split("\n")) out.append(indent).append(b).append('\n');
            }
            out.append(lines[i]);
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    private String deepNesting() {
        int depth = new int[] {50, 199, 201, 1_000, 20_000, 200_000}[random.nextInt(6)];
        String open = random.nextBoolean() ? "[" : random.nextBoolean() ? "{\"a\": " : "- ";
        String close = open.equals("[") ? "]" : open.startsWith("{") ? "}" : "";
        return open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
    }

    private String hugeScalar() {
        int length = random.nextInt(4) == 0 ? 1 << (16 + random.nextInt(6)) : 1 + random.nextInt(5_000);
        char c = "aZ9_\"' ".charAt(random.nextInt(7));
        return String.valueOf(c).repeat(length);
    }

    private String aliasBomb() {
        int levels = 3 + random.nextInt(8);
        StringBuilder out = new StringBuilder("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            out.append("lol").append(i).append(": &l").append(i).append(" [")
                    .append(("*l" + (i - 1) + ", ").repeat(8)).append("*l").append(i - 1).append("]\n");
        }
        return out.toString();
    }

    private String longBase58() {
        String prefix = new String[] {"SIG_K1_", "PUB_K1_", "EOS", "STM", "01", "0x", "account-hash-"}[random.nextInt(7)];
        return prefix + "K".repeat(random.nextBoolean() ? 90 + random.nextInt(10) : 100_000 + random.nextInt(500_000));
    }
}
