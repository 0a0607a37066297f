package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line word that names a file but is no path at all (here a NUL, which no file name can
 * hold; under LANG=C any non-ASCII character is the same): a one-line `chan: …` error and exit 2,
 * before anything runs, never an internal error. The shell cannot pass a NUL; ChanMain.run can.
 */
class PathArgumentsTest {
    @TempDir
    Path dir;

    private static final String NUL = "a\0b";

    private Path hello() throws IOException {
        return Files.writeString(dir.resolve("hello.chan"), "print(\"hello\");\n");
    }

    private static void assertUsageError(String expected, String... args) {
        RunChan r = RunChan.run(args);
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
        assertEquals(2, r.exit(), r.err());
    }

    @Test
    void theProgramFile() {
        assertUsageError("chan: cannot read a\\0b: a path cannot contain a NUL character", NUL);
    }

    @Test
    void theTraceFile() throws IOException {
        assertUsageError("chan: cannot write trace file a\\0b: a path cannot contain a NUL character",
                        hello().toString(), "--trace", NUL);
    }

    @Test
    void aModulePathDirectory() throws IOException {
        assertUsageError("chan: --path a\\0b: a path cannot contain a NUL character", hello().toString(), "--path", dir + ":" + NUL);
    }

    @Test
    void theMachineFile() throws IOException {
        assertUsageError("chan: cannot read machine file a\\0b: a path cannot contain a NUL character",
                        hello().toString(), "--machine", NUL);
    }

    @Test
    void theTestDirectory() {
        assertUsageError("chan test: not a directory or a .chan program: a\\0b: a path cannot contain a NUL character", "test", NUL);
    }
}
