package chan.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * read_line when standard input cannot be read (a directory, a device that fails): the catchable
 * error `cannot read standard input`, where it used to read as the end of input.
 */
class StdinFailureTest {
    /** Standard input that fails as a directory does (the JDK's message for EISDIR). */
    private static final InputStream FAILING = new InputStream() {
        @Override
        public int read() throws IOException {
            throw new IOException("Is a directory");
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            throw new IOException("Is a directory");
        }
    };

    @TempDir
    Path dir;

    @Test
    void aFailedReadIsACatchableErrorAtTheCall() throws IOException {
        Path program = Files.writeString(dir.resolve("read.chan"),
                        "try { read_line(); } catch (e) { print(e); }\nprint(read_line());\n", UTF_8);
        RunChan r = RunChan.run(FAILING, program.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("(:error, \"cannot read standard input: Is a directory\")\n", r.out());
        assertEquals(program + ":2:7: error: cannot read standard input: Is a directory\n"
                        + "  print(read_line());\n"
                        + "        ^\n"
                        + "  at <main> (" + program + ":2:7)\n", r.err());
    }
}
