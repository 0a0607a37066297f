package chan.launcher;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `chan test DIR` judges a user's programs by LANGUAGE.md §6 alone (each X.chan beside its X.out):
 * the first comment our own tests/ must have is our house style, which ConformanceTest keeps.
 */
class TestCommandTest {
    @TempDir
    Path dir;

    @Test
    void aProgramWithoutALeadingCommentPasses() throws IOException {
        Files.writeString(dir.resolve("plain.chan"), "print(1 + 1);\n", UTF_8);
        Files.writeString(dir.resolve("plain.out"), "2\n", UTF_8);
        Files.writeString(dir.resolve("directives.chan"), "//! exit 1\nerror(\"no\");\n", UTF_8);
        Files.writeString(dir.resolve("directives.out"), "", UTF_8);

        assertEquals(new Run(0, "2 passed, 0 failed\n", ""), run(dir.toString()));
    }

    @Test
    void ourHouseStyleStillFindsTheMissingComment() throws IOException {
        Files.writeString(dir.resolve("a.chan"), "//! exit 1\nerror(\"no\");\n", UTF_8);
        Files.writeString(dir.resolve("b.chan"), "//! exit 1\n// fails on purpose\nerror(\"no\");\n", UTF_8);
        var cases = ConformanceCase.discover(dir);

        assertEquals(Optional.of("line 2: must be a comment saying what the program checks"), cases.get(0).houseStyleFault());
        assertEquals(Optional.empty(), cases.get(1).houseStyleFault());
    }

    /** `chan test X.chan` runs that one program against its X.out, as `pytest FILE` would; others beside it are left alone. */
    @Test
    void oneProgramIsRunAlone() throws IOException {
        Files.writeString(dir.resolve("good.chan"), "print(6 * 7);\n", UTF_8);
        Files.writeString(dir.resolve("good.out"), "42\n", UTF_8);
        Files.writeString(dir.resolve("bad.chan"), "print(1);\n", UTF_8);
        Files.writeString(dir.resolve("bad.out"), "2\n", UTF_8);
        Files.writeString(dir.resolve("orphan.out"), "x\n", UTF_8);

        assertEquals(new Run(0, "1 passed, 0 failed\n", ""), run(dir.resolve("good.chan").toString()));
        Run bad = run(dir.resolve("bad.chan").toString());
        assertEquals(1, bad.exit());
        assertEquals("FAIL " + dir.resolve("bad.chan") + ": ", bad.out().substring(0, ("FAIL " + dir.resolve("bad.chan") + ": ").length()));
        assertTrue(bad.out().endsWith("0 passed, 1 failed\n"), bad.out());
        assertEquals(new Run(2, "", "chan test: not a directory or a .chan program: " + dir.resolve("good.out") + "\n"),
                        run(dir.resolve("good.out").toString()));
        assertEquals(new Run(2, "", "chan test: not a directory or a .chan program: " + dir.resolve("none.chan") + "\n"),
                        run(dir.resolve("none.chan").toString()));
    }

    /**
     * A program that is not UTF-8 is a syntax error the suite can expect (found by mutation
     * fuzzing: `chan test` failed it with a Java MalformedInputException); an X.out that is not
     * UTF-8 can match no output, and the failure says so in words.
     */
    @Test
    void aProgramThatIsNotUtf8CanBeExpectedToFail() throws IOException {
        Files.write(dir.resolve("latin1.chan"), "//! exit 2\nprint(\"caf\u00e9\");\n".getBytes(ISO_8859_1));
        Files.writeString(dir.resolve("latin1.out"), "", UTF_8);
        Files.writeString(dir.resolve("bad_out.chan"), "print(1);\n", UTF_8);
        Files.write(dir.resolve("bad_out.out"), new byte[] {(byte) 0xff, '\n'});

        assertEquals(new Run(1, "FAIL " + dir.resolve("bad_out.chan") + ": bad_out.out is not UTF-8 text\n1 passed, 1 failed\n", ""),
                        run(dir.toString()));
    }

    /** An X.out that is there but no file (a directory) is named as such, not as missing. */
    @Test
    void anOutThatIsADirectoryIsNotMissing() throws IOException {
        Files.writeString(dir.resolve("a.chan"), "print(1);\n", UTF_8);
        Files.createDirectory(dir.resolve("a.out"));

        assertEquals(new Run(1, "FAIL " + dir.resolve("a.chan") + ": a.out is not a regular file\n0 passed, 1 failed\n", ""), run(dir.toString()));
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String target) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = TestCommand.run(target, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    }
}
