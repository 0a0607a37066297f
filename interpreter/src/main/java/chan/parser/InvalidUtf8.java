package chan.parser;

import chan.ChanLanguage;
import chan.runtime.LineBreaks;
import chan.runtime.Utf8Text;
import com.oracle.truffle.api.source.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file must be UTF-8. Truffle decodes a byte that is not into U+FFFD without a word, so a
 * Latin-1 `"café"` would print `caf�`: when the decoded text holds a U+FFFD, the file's bytes are
 * decoded again strictly, and the first bad byte is a syntax error at its line and column, as Go
 * and Python report it. A program read from standard input (`chan -`) is checked the same way.
 */
public final class InvalidUtf8 {
    record Found(int line, int column, String message) {}

    private InvalidUtf8() {}

    /** The first byte of source's file that is not UTF-8, or null (also for a source with no file). */
    static Found in(Source source) {
        if (source.getPath() == null || !hasReplacement(source.getCharacters())) {
            return null; // the common case: one scan for the replacement character, no second read
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(source.getPath()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return in(bytes, "the file");
    }

    /**
     * The report of the first byte that is not UTF-8 in a program read from standard input, whose
     * bytes the launcher decoded to {@code text} (malformed ones to U+FFFD, as Truffle decodes a
     * file), ready to print; null when they are all UTF-8.
     */
    public static String report(String name, byte[] bytes, String text) {
        Found found = hasReplacement(text) ? in(bytes, "standard input") : null;
        if (found == null) {
            return null;
        }
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.add(Source.newBuilder(ChanLanguage.ID, text, name).build(), found.line(), found.column(), "syntax error: " + found.message());
        return diagnostics.format();
    }

    private static boolean hasReplacement(CharSequence text) {
        return text.toString().indexOf('\uFFFD') >= 0;
    }

    /** The first of {@code bytes} that is not UTF-8, or null (a U+FFFD written in the text itself). */
    private static Found in(byte[] bytes, String what) {
        Utf8Text.Decoded decoded = Utf8Text.decode(bytes);
        if (decoded.badByte() < 0) {
            return null;
        }
        String before = new String(LineBreaks.loneCrsAsLf(decoded.text())); // lines as the parser counts them
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n'); // in UTF-16 units, as Diagnostics takes it
        return new Found(line, column, what + " is not UTF-8: " + decoded.badByteReason());
    }
}
