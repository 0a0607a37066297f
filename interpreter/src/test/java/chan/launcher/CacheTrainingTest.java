package chan.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class cache's training run (CacheTraining) does what it is there for: the program runs to its
 * end, and the REPL session prints values and reports both kinds of error, so their classes are
 * loaded. A session that stopped early would still leave a cache, only a poorer one.
 */
class CacheTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theProgramAndTheSessionBothRunThrough() throws IOException {
        Path program = dir.resolve("warm-up.chan");
        try (InputStream text = WarmUp.class.getResourceAsStream("warm-up.chan")) {
            Files.copy(text, program);
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = CacheTraining.train(program.toString(), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        String printed = out.toString(UTF_8);
        String reported = err.toString(UTF_8);
        assertEquals(0, exit, reported);
        assertTrue(printed.contains("caught"), "the program did not reach its end: " + printed);
        for (String value : new String[] {"chan> 3\n", "chan> 42\n", "chan> 1\n", "[1, [2, 3], {\"k\" => :v}, \"s\"]"}) {
            assertTrue(printed.contains(value), "no " + value + " in the session's output:\n" + printed);
        }
        assertTrue(printed.contains(": blocked in receive at <repl-9>:1:25"), ":threads did not list the blocked thread:\n" + printed);
        assertTrue(reported.contains("undefined name 'nope'") && reported.contains("syntax error"), reported);
    }
}
