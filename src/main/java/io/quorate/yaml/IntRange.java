package io.quorate.yaml;

/** The integers a field accepts, and how messages explain the range ("eos weights are u16"). */
public record IntRange(long min, long max, String explanation) {

    public static final IntRange U8 = new IntRange(0, 255, "u8");
    public static final IntRange U16 = new IntRange(0, 65_535, "u16");
    public static final IntRange U32 = new IntRange(0, 4_294_967_295L, "u32");
    public static final IntRange NON_NEGATIVE = new IntRange(0, Long.MAX_VALUE, null);
    public static final IntRange POSITIVE_INT = new IntRange(1, Integer.MAX_VALUE, null);
    /**
     * How deep references may be followed: deciding and analysing recurse once per level, so the
     * depth a policy may ask for is bounded far above what real accounts use (EOS's default is 6).
     */
    public static final IntRange REFERENCE_DEPTH = new IntRange(1, 100, "references are followed at most 100 levels deep");

    public static IntRange of(long min, long max) {
        return new IntRange(min, max, null);
    }

    /** The same bounds, explained in the words of a chain: {@code U16.as("eos weights are u16")}. */
    public IntRange as(String explanation) {
        return new IntRange(min, max, explanation);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** {@code 0..65535}, or {@code at least 1} when there is no practical upper bound. */
    public String bounds() {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) return "at least " + min;
        return min + ".." + max;
    }
}
