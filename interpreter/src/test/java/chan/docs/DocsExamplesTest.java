package chan.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
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
 * file name, as in the conformance suite ({@link InProcessRun}).
 */
class DocsExamplesTest {
    private static final Path DOCS = Path.of("docs");

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
            InProcessRun run = InProcessRun.of(argv, example.stdin());
            int exit = run.exit();
            String stdout = run.stdout();
            String stderr = run.stderr().replace(program.toString(), example.fileName());
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
}
