package io.quorate.signatures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian binary writing, as the Hive and Casper serializers lay bytes out. */
public final class ByteSink {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ByteSink u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    public ByteSink u16(long v) {
        return u8((int) v).u8((int) (v >> 8));
    }

    public ByteSink u32(long v) {
        return u16(v).u16(v >> 16);
    }

    public ByteSink u64(long v) {
        return u32(v).u32(v >> 32);
    }

    /** Unsigned LEB128, Hive's {@code varint32} for lengths and operation ids. */
    public ByteSink varint(long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    public ByteSink bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Hive: varint length, then UTF-8. */
    public ByteSink varString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return varint(b.length).bytes(b);
    }

    /** Casper: u32 length, then UTF-8. */
    public ByteSink u32String(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return u32(b.length).bytes(b);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
