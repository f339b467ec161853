package io.quorate.chain.generic;

import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import java.util.HexFormat;

/** Generic keys: any non-empty string is a key of its own; nothing is shaped like one. */
public final class GenericKeys {

    public static final KeyFormat FORMAT = KeyFormat.anyText(GenericKeys::decode, point -> HexFormat.of().formatHex(point));

    private GenericKeys() {
    }

    static KeyId decode(String text) throws KeyFormatException {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException("a generic key cannot be empty", "write the key's name or text");
        }
        return new KeyId("generic:" + text);
    }
}
