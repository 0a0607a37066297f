package chan.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.RunChan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported stdlib module compiles a function only when code refers to it (ModuleCompiler,
 * compilesOnReference), while a program and its own modules compile whole. Seen here through a
 * stdlib directory of this test's own (chan.home), whose module has a function with a static
 * error: compiled, it would be reported.
 */
class CompiledOnReferenceTest {
    @TempDir
    Path home;
    private String savedHome;

    @BeforeEach
    void ownStdlib() throws IOException {
        Files.createDirectories(home.resolve("stdlib"));
        Files.writeString(home.resolve("stdlib/lazy.chan"), """
                        const BASE = base_of(10);
                        fn base_of(n) { return n * 100; }
                        fn broken() { return no_such_name; }
                        fn ok(x) { return helper(x) + 1; }
                        fn helper(x) { return twice(x); }
                        fn twice(x) { return BASE + ints(x).n * 2; }
                        fn ints(x) { return Ints{n: x}; }
                        fn calls_broken() { return fn () => broken(); }
                        fn even(n) { if (n == 0) { return true; } return odd(n - 1); }
                        fn odd(n) { if (n == 0) { return false; } return even(n - 1); }
                        struct Ints { n }
                        """, UTF_8);
        savedHome = System.getProperty("chan.home");
        System.setProperty("chan.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) {
            System.clearProperty("chan.home");
        } else {
            System.setProperty("chan.home", savedHome);
        }
    }

    private RunChan run(String program) throws IOException {
        return RunChan.run(Files.writeString(home.resolve("main.chan"), program, UTF_8).toString());
    }

    @Test
    void aFunctionNothingRefersToIsNeverCompiled() throws IOException {
        RunChan r = run("import lazy;\nprint(lazy.ok(3));\n");
        assertEquals("1007\n", r.out(), r.err());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void whatAFunctionRefersToIsCompiledWithIt() throws IOException {
        RunChan r = run("import lazy;\nlet f = lazy.even;\nprint(f(7), lazy.odd(7));\n");
        assertEquals("false true\n", r.out(), r.err());
    }

    @Test
    void aReferenceCompilesTheFunctionAndReportsItsErrors() throws IOException {
        RunChan r = run("import lazy;\nprint(lazy.ok(1));\nlet g = lazy.calls_broken;\n");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("lazy.chan:3:22: error: undefined name 'no_such_name'"), r.err());
        assertEquals("", r.out(), "a static error stops the program before it runs");
    }

    @Test
    void theModuleRunAsAProgramIsCompiledWhole() {
        RunChan r = RunChan.run(home.resolve("stdlib/lazy.chan").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("error: undefined name 'no_such_name'"), r.err());
    }

    @Test
    void aModuleOfTheProgramsOwnIsCompiledWhole() throws IOException {
        Files.copy(home.resolve("stdlib/lazy.chan"), home.resolve("mine.chan"));
        RunChan r = run("import \"./mine.chan\" as mine;\nprint(mine.ok(3));\n");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("mine.chan:3:22: error: undefined name 'no_such_name'"), r.err());
    }
}
