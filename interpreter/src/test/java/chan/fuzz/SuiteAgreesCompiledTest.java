package chan.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Some of the repository's own programs run interpreted and compiled early must agree
 * ({@link SuiteProgram}): a fixed subset of what {@link SuiteAgreesCompiled} runs over all of them,
 * chosen for the compiled shapes it reaches in a few seconds each: counted loops whose clock is
 * settled at every exit, a countdown with a step, self tail calls under the clock, recursion against
 * the depth limit, array storage kinds and their transitions, a Sieve of flags, threads preempted in
 * loops, a program reading its input, and a static error. The regressions the hunts found stand
 * among them, as conformance programs (tests/lang/, tests/values/).
 */
class SuiteAgreesCompiledTest {
    private static final long TIMEOUT_MILLIS = Long.getLong("chan.fuzz.timeout", 60) * 1000;

    static final List<String> PROGRAMS = List.of(
                    "tests/concurrency/loop_clock_return.chan",
                    "tests/concurrency/loop_clock_for_range_step.chan",
                    "tests/concurrency/tail_call_clock.chan",
                    "tests/errors/stack_depth_after_caught_error.chan",
                    "tests/values/array_inline_slots.chan",
                    "tests/concurrency/for_array_suspends.chan",
                    "bench/awfy/sieve.chan",
                    "examples/primes.chan",
                    "tests/lang/read_line.chan",
                    "tests/errors/static_assign_captured.chan");

    @TestFactory
    Stream<DynamicTest> theseProgramsAgreeCompiled() {
        List<SuiteProgram> all = SuiteProgram.all();
        return PROGRAMS.stream().map(name -> dynamicTest(name, () -> {
            assertTrue(Files.isRegularFile(Path.of(name)), name + " is gone: choose another program of its kind");
            SuiteProgram program = all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            String problem = program.disagreement(TIMEOUT_MILLIS);
            if (problem != null) {
                throw new AssertionError(problem);
            }
        }));
    }
}
