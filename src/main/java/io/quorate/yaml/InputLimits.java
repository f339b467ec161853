package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much work one input file may ask for. Every bound is far above what a real policy or
 * transaction needs, and each exists so that a hostile or broken file ends in a clear error
 * instead of exhausting memory, the stack or the processor.
 *
 * @param maxFileBytes    the largest file read; checked before reading (the command line's {@code --max-input-mb})
 * @param maxDepth        how deeply mappings and lists may nest
 * @param maxAliasNodes   how many nodes aliases ({@code *name}) may add to a document by repeating what
 *                        they refer to, counted as if every alias were written out
 */
public record InputLimits(long maxFileBytes, int maxDepth, long maxAliasNodes) {

    public static final String TOO_LARGE = "input-too-large";
    public static final String TOO_DEEP = "too-deep";
    public static final String TOO_MANY_ALIASES = "alias-expansion";
    public static final String TOO_LONG_LINE = "long-line";
    public static final long MEGABYTE = 1024L * 1024;
    public static final InputLimits DEFAULT = new InputLimits(1024 * MEGABYTE, 200, 1_000_000);

    private static volatile InputLimits current = DEFAULT;

    /** The limits loaders apply; the command line sets them once, before it reads anything. */
    public static InputLimits current() {
        return current;
    }

    public static void use(InputLimits limits) {
        current = limits;
    }

    public InputLimits withMaxFileBytes(long bytes) {
        return new InputLimits(bytes, maxDepth, maxAliasNodes);
    }

    /** {@code 1024 MB}, as messages and help name the file limit. */
    public String fileLimit() {
        return maxFileBytes % MEGABYTE == 0 ? maxFileBytes / MEGABYTE + " MB" : maxFileBytes + " bytes";
    }

    /**
     * A {@code input-too-large} diagnostic when {@code file} is larger than {@link #maxFileBytes},
     * else null; asked before the file is read, so a huge file never reaches memory.
     */
    public Diagnostic oversize(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size <= maxFileBytes) return null;
        long mb = (size + MEGABYTE - 1) / MEGABYTE;
        return tooLarge(name, "the file is " + mb + " MB, larger than the limit of " + fileLimit(), "--max-input-mb " + mb);
    }

    /** All of {@code in} as UTF-8 text, or null when it holds more than {@link #maxFileBytes} (not read beyond that). */
    public String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxFileBytes + 1));
        return bytes.length > maxFileBytes ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The diagnostic for a stream {@link #readAll} refused. */
    public Diagnostic oversize(String name) {
        return tooLarge(name, "the input is larger than the limit of " + fileLimit(), "a larger --max-input-mb");
    }

    private Diagnostic tooLarge(String name, String message, String option) {
        return Diagnostic.error(TOO_LARGE, SourceLocation.ofFile(name), message,
                "raise the limit with `" + option + "` (loading needs about 16 times the file's size of Java heap: `-Xmx`)");
    }
}
