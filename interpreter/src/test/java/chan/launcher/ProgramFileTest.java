package chan.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program file that cannot be read: exit 2 before anything runs, with the reason in words. */
class ProgramFileTest {
    @TempDir
    Path dir;

    private static String errorOf(String file) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            exit = ChanMain.run(new String[] {file}, InputStream.nullInputStream(), o, e);
        }
        assertEquals(2, exit, err.toString(UTF_8));
        assertEquals("", out.toString(UTF_8));
        return err.toString(UTF_8);
    }

    @Test
    void aMissingFile() {
        String missing = dir.resolve("missing.chan").toString();
        assertEquals("chan: cannot read " + missing + ": no such file\n", errorOf(missing));
    }

    @Test
    void aDirectory() {
        assertEquals("chan: cannot read " + dir + ": it is a directory\n", errorOf(dir.toString()));
    }

    @Test
    void aDevice() {
        assertEquals("chan: cannot read /dev/null: not a regular file\n", errorOf("/dev/null"));
    }
}
