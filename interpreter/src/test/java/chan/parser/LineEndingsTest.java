package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.io.IOException;
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
        RunChan r = RunChan.run(file.toString());
        assertEquals(expectedExit, r.exit(), r.err());
        return r.err().lines().findFirst().orElse("").replace(file.toString(), "prog.chan");
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
