package chan.runtime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes decoded strictly as UTF-8, for the files Chan reads that must be UTF-8 (source files, machine
 * files): where they stop being UTF-8, and the words every such error uses. Java's own decoding either
 * replaces a bad byte with U+FFFD without a word or throws with no position.
 */
public final class Utf8Text {
    /** The text decoded before the first bad byte, and that byte (0–255), or -1 when all were UTF-8. */
    public record Decoded(String text, int badByte) {
        /** Why the bytes are not UTF-8, in the words every such error uses. */
        public String badByteReason() {
            return String.format("byte 0x%02X cannot start or continue a character here", badByte);
        }
    }

    private Utf8Text() {}

    /** The whole text when every byte is UTF-8; else the text up to the first bad byte, and it. */
    public static Decoded decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        boolean bad = decoder.decode(in, out, true).isError(); // at the end of input, a cut sequence is an error too
        return new Decoded(out.flip().toString(), bad ? bytes[in.position()] & 0xff : -1);
    }
}
