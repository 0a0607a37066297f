package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source files are UTF-8: a byte that is not is a syntax error at its place, not a silent U+FFFD. */
class SourceEncodingTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aByteThatIsNotUtf8IsASyntaxErrorAtItsColumn() throws IOException {
        Path p = file("latin1.chan", latin1("// caf\u00e9 in Latin-1\nlet s = \"caf\u00e9\";\nprint(s);\n"));
        RunChan r = RunChan.run(p.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(p + ":1:7: syntax error: the file is not UTF-8: byte 0xE9 cannot start or continue a character here",
                        r.err().lines().findFirst().orElse(""));
    }

    @Test
    void aModuleThatIsNotUtf8IsReportedInTheModule() throws IOException {
        file("mod.chan", latin1("fn f() {\n  return \"na\u00efve\";\n}\n"));
        Path main = file("main.chan", "import \"./mod.chan\" as m;\nprint(m.f());\n".getBytes(StandardCharsets.UTF_8));
        RunChan r = RunChan.run(main.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.endsWith("mod.chan:2:13: syntax error: the file is not UTF-8: byte 0xEF cannot start or continue"
                        + " a character here")), r.err());
    }

    @Test
    void theBadByteIsOnItsLineWhateverTheLineEndings() throws IOException {
        // A lone CR ends a line and CRLF is one break, as the parser and Truffle's Source count them.
        for (String end : new String[] {"\r", "\r\n", "\n"}) {
            byte[] bytes = latin1("print(1);" + end + end + "print(\"\u00ff\");" + end);
            String ends = end.replace("\r", "cr").replace("\n", "lf");
            Path p = file(ends + ".chan", bytes);
            RunChan r = RunChan.run(p.toString());
            assertEquals(2, r.exit(), r.err());
            assertEquals(p + ":3:8: syntax error: the file is not UTF-8: byte 0xFF cannot start or continue a character here\n"
                            + "  print(\"\uFFFD\");\n"
                            + "         ^\n", r.err(), ends);
        }
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsJustACharacter() throws IOException {
        Path p = file("fffd.chan", "print(\"\uFFFD\", len(\"a\uFFFDb\"));\n".getBytes(StandardCharsets.UTF_8));
        RunChan r = RunChan.run(p.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("\uFFFD 3\n", r.out());
    }
}
