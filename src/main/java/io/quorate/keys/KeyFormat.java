package io.quorate.keys;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one chain writes public keys, and how to turn what a user wrote into a {@link KeyId}. Each
 * chain package builds its own (for example {@code EosKeys.FORMAT}); this class knows none of them.
 */
public final class KeyFormat {

    /** A decoder that may refuse the text. */
    @FunctionalInterface
    public interface Decoder {
        KeyId decode(String text) throws KeyFormatException;
    }

    private final Decoder decoder;
    private final Predicate<String> shape;
    private final Function<byte[], String> secp256k1Writer;
    private final boolean anyText;

    private KeyFormat(Decoder decoder, Predicate<String> shape, Function<byte[], String> secp256k1Writer, boolean anyText) {
        this.decoder = decoder;
        this.shape = shape;
        this.secp256k1Writer = secp256k1Writer;
        this.anyText = anyText;
    }

    /**
     * A format whose keys have a recognisable shape; {@code secp256k1Writer} writes a compressed
     * secp256k1 point the way the chain prints it (used to generate keys for benchmarks and tests).
     */
    public static KeyFormat shaped(Decoder decoder, Predicate<String> shape, Function<byte[], String> secp256k1Writer) {
        return new KeyFormat(decoder, shape, secp256k1Writer, false);
    }

    /** A format in which any non-empty text is a key of its own, so nothing is shaped like one. */
    public static KeyFormat anyText(Decoder decoder, Function<byte[], String> secp256k1Writer) {
        return new KeyFormat(decoder, text -> false, secp256k1Writer, true);
    }

    /** Decodes {@code text}, checking its checksum or curve point where the format has one. */
    public KeyId decode(String text) throws KeyFormatException {
        return decoder.decode(text);
    }

    /**
     * True when {@code text} has the shape of a key in this format (prefix, alphabet, length), so a
     * mistyped key is reported as a bad key rather than as an unknown key name.
     */
    public boolean looksLikeKey(String text) {
        return shape.test(text);
    }

    /** True when any text names a key of its own (a name is never mistaken for a malformed key). */
    public boolean acceptsAnyText() {
        return anyText;
    }

    /** A compressed secp256k1 point (33 bytes) as this chain writes it. */
    public String write(byte[] compressed33) {
        return secp256k1Writer.apply(compressed33);
    }
}
