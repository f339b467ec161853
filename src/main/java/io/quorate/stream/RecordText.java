package io.quorate.stream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A record value as text: strict UTF-8, so a corrupt record is a dead letter rather than a guess. */
final class RecordText {

    private RecordText() {
    }

    /** The value as UTF-8 text, or null when it is not UTF-8. */
    static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String base64(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }
}
