package io.quorate.chain.ft4;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Chromia's generic transfer values (GTV): their ASN.1 DER encoding and their merkle hash, the
 * hash FT4 uses for auth descriptor ids and account ids.
 *
 * <p>Values are plain Java objects: {@code null}; {@code byte[]}; {@link String}; {@link Integer}
 * or {@link Long} (GTV integer); {@link BigInteger} (GTV big integer); {@link Boolean} (integer 1
 * or 0); a {@link List} (array); a {@link Map} with string keys (dict, ordered by key).
 *
 * <p>The merkle hash: a primitive is {@code sha256(0x01 ‖ der(value))}; an array's elements
 * (containers hashed the same way, recursively) are paired left to right into nodes
 * {@code sha256(0x00 ‖ left ‖ right)}, an odd last element moving up a layer unchanged, until two
 * remain, which hash as {@code sha256(0x07 ‖ left ‖ right)}; a dict does the same over
 * key, value, key, value… with prefix {@code 0x08}; an empty side is 32 zero bytes. A container of
 * one element has that element on the left and an empty right, except that version 1 (what FT4
 * uses) takes the two sides of a lone container element as its own.
 */
public final class Gtv {

    /** The merkle hash version FT4 computes its ids with. */
    public static final int FT4_MERKLE_VERSION = 1;

    private static final int NULL = 0;
    private static final int BYTE_ARRAY = 1;
    private static final int STRING = 2;
    private static final int INTEGER = 3;
    private static final int DICT = 4;
    private static final int ARRAY = 5;
    private static final int BIG_INTEGER = 6;

    private static final byte PREFIX_NODE = 0;
    private static final byte PREFIX_LEAF = 1;
    private static final byte PREFIX_ARRAY = 7;
    private static final byte PREFIX_DICT = 8;
    private static final byte[] EMPTY = new byte[32];

    private Gtv() {
    }

    /** The merkle hash of {@code value}, version 1. */
    public static byte[] hash(Object value) {
        return hash(value, FT4_MERKLE_VERSION);
    }

    /** The merkle hash of {@code value} in merkle hash version 1 or 2. */
    public static byte[] hash(Object value, int merkleVersion) {
        if (merkleVersion != 1 && merkleVersion != 2) {
            throw new IllegalArgumentException("merkle hash version " + merkleVersion + " is not 1 or 2");
        }
        return tree(value, merkleVersion).hash();
    }

    /** The ASN.1 DER encoding of {@code value}. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(value, out);
        return out.toByteArray();
    }

    // ---- merkle tree

    /** An element of the binary tree: a hashed leaf (or the empty side), or a node with a prefix. */
    private sealed interface Tree permits Hashed, Node {
        byte[] hash();
    }

    private record Hashed(byte[] hash) implements Tree {
    }

    private record Node(byte prefix, Tree left, Tree right) implements Tree {
        @Override
        public byte[] hash() {
            return sha256(new byte[] {prefix}, left.hash(), right.hash());
        }
    }

    private static final Hashed EMPTY_SIDE = new Hashed(EMPTY);

    private static Tree tree(Object value, int version) {
        if (value instanceof List<?> list) {
            List<Tree> elements = new ArrayList<>(list.size());
            for (Object element : list) elements.add(tree(element, version));
            if (elements.size() == 1 && elements.get(0) instanceof Node && version >= 2) {
                return new Node(PREFIX_ARRAY, elements.get(0), EMPTY_SIDE);
            }
            return head(PREFIX_ARRAY, elements);
        }
        if (value instanceof Map<?, ?> map) {
            List<Tree> elements = new ArrayList<>(2 * map.size());
            sorted(map).forEach((k, v) -> {
                elements.add(leaf(k));
                elements.add(tree(v, version));
            });
            return head(PREFIX_DICT, elements);
        }
        return leaf(value);
    }

    private static Tree leaf(Object primitive) {
        return new Hashed(sha256(new byte[] {PREFIX_LEAF}, encode(primitive)));
    }

    /** The container's head node over its elements: the two sides of their pairing, or one element and the empty side. */
    private static Node head(byte prefix, List<Tree> elements) {
        if (elements.isEmpty()) return new Node(prefix, EMPTY_SIDE, EMPTY_SIDE);
        List<Tree> layer = elements;
        while (layer.size() > 1) {
            List<Tree> higher = new ArrayList<>((layer.size() + 1) / 2);
            for (int i = 0; i + 1 < layer.size(); i += 2) higher.add(new Node(PREFIX_NODE, layer.get(i), layer.get(i + 1)));
            if (layer.size() % 2 == 1) higher.add(layer.get(layer.size() - 1));
            layer = higher;
        }
        Tree root = layer.get(0);
        return root instanceof Node n ? new Node(prefix, n.left(), n.right()) : new Node(prefix, root, EMPTY_SIDE);
    }

    // ---- DER encoding

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            tagged(out, NULL, new byte[] {0x05, 0x00});
        } else if (value instanceof byte[] bytes) {
            tagged(out, BYTE_ARRAY, tlv(0x04, bytes));
        } else if (value instanceof String s) {
            tagged(out, STRING, tlv(0x0c, s.getBytes(StandardCharsets.UTF_8)));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            tagged(out, INTEGER, tlv(0x02, BigInteger.valueOf(((Number) value).longValue()).toByteArray()));
        } else if (value instanceof Boolean b) {
            tagged(out, INTEGER, tlv(0x02, new byte[] {(byte) (b ? 1 : 0)}));
        } else if (value instanceof BigInteger big) {
            tagged(out, BIG_INTEGER, tlv(0x02, big.toByteArray()));
        } else if (value instanceof List<?> list) {
            ByteArrayOutputStream elements = new ByteArrayOutputStream();
            for (Object element : list) encode(element, elements);
            tagged(out, ARRAY, tlv(0x30, elements.toByteArray()));
        } else if (value instanceof Map<?, ?> map) {
            ByteArrayOutputStream pairs = new ByteArrayOutputStream();
            sorted(map).forEach((k, v) -> {
                ByteArrayOutputStream pair = new ByteArrayOutputStream();
                pair.writeBytes(tlv(0x0c, k.getBytes(StandardCharsets.UTF_8)));
                encode(v, pair);
                pairs.writeBytes(tlv(0x30, pair.toByteArray()));
            });
            tagged(out, DICT, tlv(0x30, pairs.toByteArray()));
        } else {
            throw new IllegalArgumentException("no GTV type for " + value.getClass().getSimpleName());
        }
    }

    /** An explicit context-specific tag (constructed) around the encoded value. */
    private static void tagged(ByteArrayOutputStream out, int choice, byte[] inner) {
        out.writeBytes(tlv(0xa0 | choice, inner));
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(length >>> (8 * i));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** A dict's entries ordered by key (UTF-16 code units, as JavaScript and the node order them). */
    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key)) throw new IllegalArgumentException("GTV dict keys are strings, got " + k);
            out.put(key, v);
        });
        return out;
    }

    private static byte[] sha256(byte[]... parts) {
        SHA256Digest digest = new SHA256Digest();
        for (byte[] part : parts) digest.update(part, 0, part.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
