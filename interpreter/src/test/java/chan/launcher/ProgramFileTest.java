package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chan.testing.RunChan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program file that cannot be read: exit 2 before anything runs, with the reason in words. */
class ProgramFileTest {
    @TempDir
    Path dir;

    private static String errorOf(String file) {
        RunChan r = RunChan.run(file);
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        return r.err();
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
