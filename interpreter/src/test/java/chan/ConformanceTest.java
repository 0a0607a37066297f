package chan;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.launcher.ConformanceCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite (tests/README.md): every `X.chan` under tests/ run in-process, one dynamic test
 * each, named by its path under tests/ (`lang/closures_capture.chan`). The rules live in
 * {@link ConformanceCase}, shared with `chan test`, and here also the house style of our own suites
 * ({@link ConformanceCase#houseStyleFault}: a first comment saying what the program checks). Surefire runs this with the repository root as the
 * working directory.
 *
 * <p>Run some by name: {@code ./mvnw -pl interpreter test -Dtest=ConformanceTest -Dconformance=lang/match}
 * (a comma-separated list; a case runs if its name contains one of them).
 */
class ConformanceTest {
    private static final Path SUITE = Path.of("tests");

    /** The programs of examples/ print what their X.out says, like the suite's. */
    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        Path examples = Path.of("examples");
        List<DynamicTest> tests = ConformanceCase.discover(examples).stream()
                .map(c -> dynamicTest("examples/" + c.name(), c.program().toUri(),
                        () -> check(c)))
                .toList();
        assertTrue(!tests.isEmpty(), "examples/ holds no X.chan with its X.out");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        assertTrue(Files.isDirectory(SUITE), "no tests/ in the working directory " + Path.of("").toAbsolutePath());
        List<String> wanted = Stream.of(System.getProperty("conformance", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<DynamicTest> tests = Stream.concat(
                ConformanceCase.orphans(SUITE).stream()
                        .filter(name -> selected(name, wanted))
                        .map(name -> dynamicTest(name, () -> fail(SUITE.resolve(name) + " has no program beside it"))),
                ConformanceCase.discover(SUITE).stream()
                        .filter(c -> selected(c.name(), wanted))
                        .map(c -> dynamicTest(c.name(), c.program().toUri(),
                                () -> check(c))))
                .toList();
        if (tests.isEmpty()) {
            return Stream.of(dynamicTest("no conformance case", () -> fail(wanted.isEmpty()
                    ? "tests/ holds no X.chan" : "no conformance case name contains any of " + wanted)));
        }
        return tests.stream();
    }

    /** The rules of `chan test`, and our own suites' house style besides. */
    private static void check(ConformanceCase c) throws IOException {
        c.houseStyleFault().ifPresent(why -> fail(c.program() + ": " + why));
        c.check().ifPresent(f -> fail(c.program() + ": " + f.detail()));
    }

    private static boolean selected(String name, List<String> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(name::contains);
    }
}
