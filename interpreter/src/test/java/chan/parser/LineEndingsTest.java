package chan.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.launcher.ChanMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LF, CRLF and lone-CR line endings give the same positions to syntax, static and run-time errors
 * (the files are written here: git would not keep a CR-only file as it is).
 */
class LineEndingsTest {
    @TempDir
    Path dir;

    private String errorOf(String program, String eol, int expectedExit) throws IOException {
        Path file = dir.resolve("prog.chan");
        Files.writeString(file, program.replace("\n", eol));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            exit = ChanMain.run(new String[] {file.toString()}, InputStream.nullInputStream(), o, e);
        }
        assertEquals(expectedExit, exit, err.toString(UTF_8));
        return err.toString(UTF_8).lines().findFirst().orElse("").replace(file.toString(), "prog.chan");
    }

    @Test
    void everyLineEndingGivesTheSamePositions() throws IOException {
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            String what = "line ending " + eol.replace("\r", "CR").replace("\n", "LF");
            assertEquals("prog.chan:3:14: syntax error: unexpected ')'", errorOf("print(1);\nprint(2);\nprint(1 + 2 +);\n", eol, 2), what);
            assertEquals("prog.chan:2:7: error: undefined name 'y'", errorOf("print(1);\nprint(y);\n", eol, 2), what);
            assertEquals("prog.chan:3:9: error: division by zero", errorOf("print(1);\n\nprint(1 / 0);\n", eol, 1), what);
        }
    }
}
