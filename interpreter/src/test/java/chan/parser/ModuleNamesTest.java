package chan.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules are named by a path from where the program was started (ModuleNames), in ModuleLoader and ParseAhead alike. */
class ModuleNamesTest {
    @TempDir
    Path dir;

    @Test
    void aRelativeImportJoinsTheImportersPath() {
        assertEquals("tests/lib/util.chan", ModuleNames.imported("tests/main.chan", true, "./lib/util.chan"));
        assertEquals("lib/util.chan", ModuleNames.imported("main.chan", true, "./lib/util.chan"));
        assertEquals("../shared/x.chan", ModuleNames.imported("main.chan", true, "../shared/x.chan"));
        assertEquals("/abs/y.chan", ModuleNames.imported("tests/main.chan", true, "/abs/y.chan"));
        assertEquals("a/b.chan", ModuleNames.imported("<stdin>", false, "./a/b.chan"), "no file: from the working directory");
    }

    @Test
    void aStandardModuleIsItsDirectoryAndFile() {
        assertEquals("stdlib/list.chan", ModuleNames.standard("./stdlib", "list"));
        assertEquals("/opt/chan/stdlib/list.chan", ModuleNames.standard("/opt/chan/stdlib", "list"));
    }

    @Test
    void aModuleParsedAheadIsHandedOutUnderTheNameModuleLoaderGivesIt() throws IOException {
        Path main = Files.writeString(dir.resolve("main.chan"), "import \"./lib/util.chan\" as u;\nprint(u.one());\n", UTF_8);
        Files.createDirectories(dir.resolve("lib"));
        String text = "fn one() { return 1; }\n";
        Path util = Files.writeString(dir.resolve("lib/util.chan"), text, UTF_8);
        String mainName = dir + "/main.chan";
        ParseAhead.prepare(main, mainName).run();
        assertNotNull(ParseAhead.take(util.toRealPath().toString(), ModuleNames.imported(mainName, true, "./lib/util.chan"), text));
    }
}
