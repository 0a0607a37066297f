package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A character a terminal would not show, in a syntax error's `unexpected '…'`, is written out. */
class ControlCharactersTest {
    @TempDir
    Path dir;

    private String firstErrorLine(String source) throws IOException {
        Path p = Files.writeString(dir.resolve("prog.chan"), source);
        RunChan r = RunChan.run(p.toString());
        assertEquals(2, r.exit(), r.err());
        return r.err().lines().findFirst().orElse("").replace(dir + "/", "");
    }

    @Test
    void aNulFormFeedOrLineSeparatorIsWrittenOut() throws IOException {
        assertEquals("prog.chan:1:11: syntax error: unexpected '\\0'", firstErrorLine("let a = 1;\0print(a);\n"));
        assertEquals("prog.chan:1:11: syntax error: unexpected 'U+000C'", firstErrorLine("let a = 1;\fprint(a);\n"));
        assertEquals("prog.chan:1:11: syntax error: unexpected 'U+2028'", firstErrorLine("let a = 1;\u2028print(a);\n"));
    }
}
