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
 * Differential test of outlined loops (chan.nodes.OutlinedLoop): each seed's random program
 * ({@link ProgramGenerator}: loops left by `break`, `return` and errors, closures, threads blocked and
 * preempted inside loops, `--stats`, `--max-depth`) runs in the interpreter with its loops outlined
 * and with them compiled in place (the option chan.OutlineLoops), and both runs must print the same
 * stdout and stderr, cycle counts and stack traces included, and end with the same exit code.
 * Interpreted runs are quick, so every build runs the first 60 seeds; the compiled side of outlined
 * loops is CompiledAgreesWithInterpreterTest's. {@code -Dchan.fuzz.from} and
 * {@code -Dchan.fuzz.seeds} choose other seeds, as there.
 */
class OutlinedLoopsAgreeTest {
    private static final Long FROM = Long.getLong("chan.fuzz.from");
    private static final Long SEEDS = Long.getLong("chan.fuzz.seeds");
    private static final long TIMEOUT_MILLIS = Long.getLong("chan.fuzz.timeout", 60) * 1000;
    private static final Path FAILURES = Path.of("interpreter", "target", "fuzz");

    @TestFactory
    Stream<DynamicTest> outlinedLoopsAgreeWithLoopsInPlace() {
        long from = FROM == null ? 1 : FROM;
        return LongStream.range(from, from + (SEEDS == null ? 60 : SEEDS)).mapToObj(seed -> dynamicTest("seed " + seed, () -> check(seed)));
    }

    private static void check(long seed) throws IOException {
        Program program = ProgramGenerator.generate(seed);
        Path dir = Files.createTempDirectory("chan-fuzz");
        Path file = program.writeTo(dir);
        try {
            Result outlined = ProgramRunner.run(file, program.args(), Mode.INTERPRETED, TIMEOUT_MILLIS, null);
            Result inPlace = ProgramRunner.run(file, program.args(), Mode.INTERPRETED_LOOPS_IN_PLACE, TIMEOUT_MILLIS, null);
            String problem = CompiledAgreesWithInterpreterTest.problem(inPlace, outlined);
            if (problem != null) {
                Files.createDirectories(FAILURES);
                Path kept = program.writeTo(FAILURES);
                String args = program.args().isEmpty() ? "" : " " + String.join(" ", program.args());
                throw new AssertionError("seed " + seed + ": " + problem + " (\"interpreted\": loops in place; \"compiled\": outlined)\nprogram: "
                                + kept.toAbsolutePath() + "\nrun it:\n  CHAN_JAVA_OPTS=\"-Dpolyglot.chan.OutlineLoops=false\" ./chan " + kept + args
                                + "\n  ./chan " + kept + args + "\n=== loops in place: " + inPlace.describe() + "=== outlined: " + outlined.describe());
            }
        } finally {
            program.deleteFrom(dir);
            Files.deleteIfExists(dir);
        }
    }
}
