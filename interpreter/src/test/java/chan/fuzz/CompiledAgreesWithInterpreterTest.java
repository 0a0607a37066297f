package chan.fuzz;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.fuzz.ProgramGenerator.Program;
import chan.fuzz.ProgramRunner.Mode;
import chan.fuzz.ProgramRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the Graal-compiled code against the interpreter: each seed's random program
 * ({@link ProgramGenerator}) runs once with compilation off and once compiled early
 * ({@link ProgramRunner}), and both runs must print the same stdout and stderr and end with the same
 * exit code. Neither may end with an internal error or run past the time limit.
 *
 * <p>A fixed, small set of seeds runs in every build. A longer hunt:
 * {@code -Dchan.fuzz.seeds=1000 -Dchan.fuzz.from=5000} (on the mvn command line) runs 1000 seeds from
 * 5000 ({@link Hunt} does the same outside JUnit, one line per seed). A failing seed's program is
 * written to interpreter/target/fuzz/seed-N.chan, and the failure message gives both runs' output and
 * how to run the program with ./chan in each mode (a module it imports, seed-N-m.chan, beside it).
 */
class CompiledAgreesWithInterpreterTest {
    /**
     * The seeds every build runs: among the first 40, quick ones (a few seconds for both runs, most
     * of it Graal compiling) that between them cover worker threads on one core and several (9, 29),
     * --stats, --max-depth, an uncaught error ending the program (7, 34), array storage transitions,
     * and the concurrency the kernels use: `prichoose` (6, 7, 9), `option for` (3, 5, 22, and the
     * workers' fan-in of 9), `<-?` (3, 5, 7, 22, 34), `close` (5, 6, 9, 22, 34), `monitor` and `kill`
     * (6, 7, 29, and the workers of 9 and 29), `sleep` (9, 14, 22) and imported modules (3, 5, 6, 35);
     * then 48, whose program imports a module of its own and recurses through it.
     */
    private static final long[] BUILD_SEEDS = {3, 5, 6, 7, 9, 14, 22, 29, 34, 35, 48};
    /**
     * Programs of {@link HotShapes} alone ({@link ProgramGenerator#shapesOnly}) every build runs,
     * quick ones that between them hold each shape: storage kinds changing in a counted loop (1049,
     * 1056), records grown (1049, 1060), ints crossing 64 bits (1056, 1060), tail calls changing
     * argument kinds (1049, 1060) and threads preempted on one core (1053).
     */
    private static final long[] BUILD_SHAPE_SEEDS = {1049, 1053, 1056, 1060};
    private static final Long FROM = Long.getLong("chan.fuzz.from");
    private static final Long SEEDS = Long.getLong("chan.fuzz.seeds");
    private static final long TIMEOUT_MILLIS = Long.getLong("chan.fuzz.timeout", 60) * 1000;
    /** When set, compiled runs write the engine's compilation trace there, one file per seed. */
    private static final String TRACE_DIR = System.getProperty("chan.fuzz.trace");
    private static final Path FAILURES = Path.of("interpreter", "target", "fuzz");

    @TestFactory
    Stream<DynamicTest> compiledCodeAgreesWithTheInterpreter() {
        LongStream seeds = SEEDS == null && FROM == null ? LongStream.of(BUILD_SEEDS)
                        : LongStream.range(FROM == null ? 1 : FROM, (FROM == null ? 1 : FROM) + (SEEDS == null ? 100 : SEEDS));
        Stream<DynamicTest> generated = seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> check(seed, ProgramGenerator.generate(seed))));
        if (SEEDS != null || FROM != null) {
            return generated;
        }
        return Stream.concat(generated, LongStream.of(BUILD_SHAPE_SEEDS)
                        .mapToObj(seed -> dynamicTest("shapes of seed " + seed, () -> check(seed, ProgramGenerator.shapesOnly(seed)))));
    }

    private static void check(long seed, Program program) throws IOException {
        Path dir = Files.createTempDirectory("chan-fuzz");
        Path file = program.writeTo(dir);
        try {
            Path log = TRACE_DIR == null ? null : Files.createDirectories(Path.of(TRACE_DIR)).resolve("seed-" + seed + ".log");
            Result interpreted = ProgramRunner.run(file, program.args(), Mode.INTERPRETED, TIMEOUT_MILLIS, null);
            Result compiled = ProgramRunner.run(file, program.args(), Mode.COMPILED, TIMEOUT_MILLIS, log);
            String problem = problem(interpreted, compiled);
            if (problem != null) {
                throw new AssertionError(report(seed, program, problem, interpreted, compiled));
            }
        } finally {
            program.deleteFrom(dir);
            Files.deleteIfExists(dir);
        }
    }

    /** What is wrong with the pair of runs, or null. */
    static String problem(Result interpreted, Result compiled) {
        if (interpreted.timedOut() || compiled.timedOut()) {
            return "a run timed out (interpreted: " + interpreted.timedOut() + ", compiled: " + compiled.timedOut() + ")";
        }
        if (interpreted.exit() == ProgramRunner.EXIT_INTERNAL || compiled.exit() == ProgramRunner.EXIT_INTERNAL
                        || interpreted.stderr().contains("internal error") || compiled.stderr().contains("internal error")) {
            return "internal error";
        }
        if (interpreted.exit() == 2) {
            return "the generator wrote an invalid program (exit 2)";
        }
        if (interpreted.exit() != compiled.exit()) {
            return "exit codes differ";
        }
        if (!interpreted.stdout().equals(compiled.stdout())) {
            return "stdout differs at line " + firstDifferentLine(interpreted.stdout(), compiled.stdout());
        }
        if (!interpreted.stderr().equals(compiled.stderr())) {
            return "stderr differs at line " + firstDifferentLine(interpreted.stderr(), compiled.stderr());
        }
        return null;
    }

    private static String firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return (i + 1) + ":\n  interpreted: " + x[i] + "\n  compiled:    " + y[i];
            }
        }
        return Math.min(x.length, y.length) + " (one output is longer)";
    }

    private static String report(long seed, Program program, String problem, Result interpreted, Result compiled) throws IOException {
        Files.createDirectories(FAILURES);
        Path kept = program.writeTo(FAILURES);
        String args = program.args().isEmpty() ? "" : " " + String.join(" ", program.args());
        String message = "seed " + seed + ": " + problem + "\nprogram: " + kept.toAbsolutePath() + "\nrun it:\n"
                        + "  CHAN_JAVA_OPTS=\"-Dpolyglot.engine.Compilation=false\" ./chan " + kept + args + "\n"
                        + "  CHAN_JAVA_OPTS=\"-Dpolyglot.engine.BackgroundCompilation=false -Dpolyglot.engine.MultiTier=false"
                        + " -Dpolyglot.engine.SingleTierCompilationThreshold=30 -Dpolyglot.engine.OSRCompilationThreshold=300\" ./chan " + kept + args + "\n"
                        + "=== interpreted: " + interpreted.describe() + "=== compiled: " + compiled.describe();
        System.out.println(message);
        return message;
    }
}
