package chan.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.launcher.ChanMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of docs/*.md runs and prints what the page says (convention: docs/README.md). Each
 * ```chan block with its ```output block is one dynamic test named `docs/FILE.md:LINE`; a malformed
 * example (a block without its output, an output without its program) is a failing test too, so a page
 * cannot silently stop being checked. Surefire runs this with the repository root as working directory.
 *
 * <p>Each program is written to a fresh directory as `prog.chan` (or its `file=` name) and run by an
 * in-process interpreter with its own streams; in stderr the program's path is replaced by its bare
 * file name, as in the conformance suite.
 */
class DocsExamplesTest {
    private static final Path DOCS = Path.of("docs");
    private static final long TIMEOUT_SECONDS = 60;

    @TestFactory
    Stream<DynamicTest> docsExamples() throws IOException {
        assertTrue(Files.isDirectory(DOCS), "no docs/ in the working directory " + Path.of("").toAbsolutePath());
        List<Path> pages;
        try (Stream<Path> files = Files.list(DOCS)) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages) {
            DocExamples read = DocExamples.read(page);
            read.mistakes.forEach(m -> tests.add(dynamicTest(m, () -> fail(m))));
            read.examples.forEach(e -> tests.add(dynamicTest(e.name(), page.toUri(), () -> check(e))));
        }
        assertTrue(tests.size() > 20, "docs/*.md hold only " + tests.size() + " checked examples");
        return tests.stream();
    }

    private static void check(DocExample example) throws Exception {
        Path dir = Files.createTempDirectory("chan-doc-example");
        Path program = dir.resolve(example.fileName());
        try {
            Files.writeString(program, example.program(), UTF_8);
            String[] argv = Stream.concat(Stream.of(program.toString()), example.args().stream()).toArray(String[]::new);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exit = run(argv, example.stdin(), out, err);
            String stdout = out.toString(UTF_8);
            String stderr = err.toString(UTF_8).replace(program.toString(), example.fileName());
            String ran = "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
            assertEquals(example.exit(), exit, example.name() + ": exit code" + ran);
            assertEquals(example.output(), stdout, example.name() + ": stdout" + ran);
            if (example.stderr() != null) {
                assertEquals(example.stderr(), stderr, example.name() + ": stderr" + ran);
            } else if (example.exit() == 0) {
                assertEquals("", stderr, example.name() + ": stderr (give a ```stderr block if it is expected)" + ran);
            }
        } finally {
            Files.deleteIfExists(program);
            Files.deleteIfExists(dir);
        }
    }

    /** Runs `chan ARGV` on a thread of its own, so that a program that never ends fails instead of hanging. */
    private static int run(String[] argv, String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws InterruptedException {
        int[] exit = {-1};
        Throwable[] crash = {null};
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            Thread runner = new Thread(() -> {
                try {
                    exit[0] = ChanMain.run(argv, new ByteArrayInputStream(stdin.getBytes(UTF_8)), o, e);
                } catch (Throwable t) {
                    crash[0] = t;
                }
            }, "doc example " + argv[0]);
            runner.setDaemon(true);
            runner.start();
            runner.join(TIMEOUT_SECONDS * 1000);
            if (runner.isAlive()) {
                runner.interrupt();
                fail(argv[0] + ": still running after " + TIMEOUT_SECONDS + " s");
            }
        }
        if (crash[0] != null) {
            throw new AssertionError("the interpreter threw", crash[0]);
        }
        return exit[0];
    }
}
