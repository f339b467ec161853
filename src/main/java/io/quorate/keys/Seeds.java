package io.quorate.keys;

import java.nio.ByteBuffer;

/** The bytes that test keys are derived from. */
final class Seeds {

    private Seeds() {
    }

    static byte[] bytes(long seed) {
        return ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
    }
}
