package chan.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intrinsics (BuiltinTable) are seen by the files of the stdlib directory alone, however they
 * are run: imported, or run as a program of their own; a module of the same name found first on
 * `--path` does not see them (tests/errors/static_intrinsic_outside_stdlib.chan has a program and
 * a relative import).
 */
class IntrinsicsTest {
    @TempDir
    Path dir;

    @Test
    void everyStandardModuleRunsAloneAsAProgram() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.list(Path.of("stdlib"))) {
            modules = files.filter(p -> p.toString().endsWith(".chan")).sorted().toList();
        }
        assertTrue(modules.stream().anyMatch(p -> p.endsWith("str.chan")), "no stdlib/str.chan in " + Path.of("").toAbsolutePath());
        for (Path module : modules) {
            RunChan r = RunChan.run(module.toString());
            assertEquals(0, r.exit(), module + ": " + r.err());
        }
    }

    @Test
    void aModuleOnThePathIsNoStandardModule() throws IOException {
        Files.writeString(dir.resolve("str.chan"), "fn find(s, sub) { return intrinsic_find(s, sub, 0); }\n", UTF_8);
        Path main = Files.writeString(dir.resolve("main.chan"), "import str;\nprint(str.find(\"abc\", \"c\"));\n", UTF_8);
        RunChan r = RunChan.run(main.toString(), "--path", dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("str.chan:1:26: error: undefined name 'intrinsic_find'"), r.err());
    }
}
