package chan.launcher;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** `chan -`: the program is the whole of standard input, named `<stdin>`; decoded and checked as a file is. */
class StdinProgramTest {
    private static RunChan runStdin(byte[] program, String... args) {
        String[] words = new String[args.length + 1];
        words[0] = "-";
        System.arraycopy(args, 0, words, 1, args.length);
        return RunChan.run(new ByteArrayInputStream(program), words);
    }

    @Test
    void theProgramFindsTheEndOfInputAndItsArguments() {
        RunChan r = runStdin("print(args(), read_line());\n".getBytes(UTF_8), "a", "--cores", "2", "b");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[\"a\", \"b\"] nil\n", r.out());
    }

    @Test
    void relativeImportsResolveAgainstTheWorkingDirectory() {
        // The tests run at the repository root.
        RunChan r = runStdin("import \"./stdlib/math.chan\" as m;\nprint(m.abs(-3));\n".getBytes(UTF_8));
        assertEquals(0, r.exit(), r.err());
        assertEquals("3\n", r.out());
    }

    @Test
    void aByteThatIsNotUtf8IsASyntaxErrorAtItsColumn() {
        RunChan r = runStdin("print(1);\nlet s = \"caf\u00e9\";\n".getBytes(ISO_8859_1));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("""
                        <stdin>:2:13: syntax error: standard input is not UTF-8: byte 0xE9 cannot start or continue a character here
                          let s = "caf\uFFFD";
                                      ^
                        """, r.err());
    }

    @Test
    void aByteOrderMarkIsSkippedAsInAFile() {
        RunChan r = runStdin("\uFEFFprint(\"after the mark\");\n".getBytes(UTF_8));
        assertEquals(0, r.exit(), r.err());
        assertEquals("after the mark\n", r.out());
    }
}
