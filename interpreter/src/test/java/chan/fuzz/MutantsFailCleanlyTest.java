package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.fuzz.ProgramRunner.Mode;
import chan.fuzz.ProgramRunner.Result;
import chan.fuzz.TokenMutator.Mutant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutation fuzzing of the front end and the error paths: each seed picks one of the repository's
 * programs (tests/, examples/, stdlib/, kernel-src/), damages it a few tokens at a time
 * ({@link TokenMutator}), runs the mutant interpreted in a context of its own and requires it to end
 * cleanly ({@link CleanFailure}): a contract exit code, a positioned error with a caret, no Java
 * exception, no internal error. A mutant keeps its file's path, so its imports still resolve.
 *
 * <p>A run stopped at the time limit in guest code may be a loop the mutant made (`while (true)`
 * from `while (i < n)`): the build's seeds skip it, a hunt lists it to be looked at by hand. A run
 * that cancelling does not stop is stuck outside guest code, and fails.
 *
 * <p>A fixed, small set of seeds runs in every build. A longer hunt:
 * {@code -Dchan.mutfuzz.from=1000 -Dchan.mutfuzz.seeds=2000 -Dchan.mutfuzz.timeout=10} (on the mvn
 * command line). A failing mutant is written to interpreter/target/mutfuzz/seed-N.chan, and the
 * failure message says which file it damaged, how, and how to run it with ./chan.
 */
class MutantsFailCleanlyTest {
    /**
     * The seeds every build runs: 200 mutants, a few seconds together, between them syntax errors,
     * static errors, runtime errors, deadlocks and clean runs. (A seed picks its file by the corpus's
     * sorted list, so a program added to the suite moves the build onto other mutants: as good.)
     */
    private static final long[] BUILD_SEEDS = LongStream.rangeClosed(1, 200).toArray();
    private static final Long FROM = Long.getLong("chan.mutfuzz.from");
    private static final Long SEEDS = Long.getLong("chan.mutfuzz.seeds");
    private static final long TIMEOUT_MILLIS = Long.getLong("chan.mutfuzz.timeout", 10) * 1000;
    private static final List<String> CORPUS_DIRS = List.of("tests", "examples", "stdlib", "kernel-src");
    private static final Path FAILURES = Path.of("interpreter", "target", "mutfuzz");

    @TestFactory
    Stream<DynamicTest> mutantsFailCleanly() {
        List<Path> corpus = corpus();
        LongStream seeds = SEEDS == null && FROM == null ? LongStream.of(BUILD_SEEDS)
                        : LongStream.range(FROM == null ? 1 : FROM, (FROM == null ? 1 : FROM) + (SEEDS == null ? 100 : SEEDS));
        return seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            Outcome outcome = run(corpus, seed, TIMEOUT_MILLIS);
            Assumptions.assumeFalse(CleanFailure.cancelled(outcome.result()), () -> outcome.report(seed));
            if (outcome.problem() != null) {
                outcome.keep(seed);
                throw new AssertionError(outcome.report(seed));
            }
        }));
    }

    /** One mutant's run: the file it damaged, the mutant, what the run showed, and what is wrong with it. */
    record Outcome(Path original, Mutant mutant, List<String> args, Result result, String problem) {
        String report(long seed) {
            Path kept = FAILURES.resolve("seed-" + seed + ".chan");
            Path beside = original.resolveSibling("mutant-" + seed + ".chan");
            return "seed " + seed + ": " + problem + "\nmutant of " + original + ": " + String.join("; ", mutant.edits())
                            + "\nkept in " + kept + "; run it beside its original (its imports are relative):\n  cp " + kept + " " + beside
                            + " && CHAN_SPARE=off ./chan " + beside + (args.isEmpty() ? "" : " " + String.join(" ", args))
                            + "; rm " + beside + "\n" + result.describe();
        }

        /** This outcome, or the disagreement of a run with every function compiled early. */
        Outcome againCompiled(long timeoutMillis) {
            Result compiled = ProgramRunner.run(source(original, mutant), args, Mode.COMPILED, timeoutMillis, null);
            String disagreement = CompiledAgreesWithInterpreterTest.problem(result, compiled);
            return disagreement == null ? this
                            : new Outcome(original, mutant, args, compiled, "compiled run: " + disagreement + "\n=== interpreted: " + result.describe());
        }

        void keep(long seed) throws IOException {
            Files.createDirectories(FAILURES);
            Files.writeString(FAILURES.resolve("seed-" + seed + ".chan"), mutant.text(), UTF_8);
        }
    }

    /** Runs seed's mutant of one of corpus's files. */
    static Outcome run(List<Path> corpus, long seed, long timeoutMillis) throws IOException {
        Path original = corpus.get((int) Math.floorMod(seed * 0x9E3779B97F4A7C15L >>> 16, (long) corpus.size()));
        String text = new String(Files.readAllBytes(original), UTF_8); // a byte that is not UTF-8 as U+FFFD, as the lexer would see it
        Mutant mutant = TokenMutator.mutate(text, seed);
        List<String> args = Directives.options(text);
        Result result = ProgramRunner.run(source(original, mutant), args, Mode.INTERPRETED, timeoutMillis, null);
        return new Outcome(original, mutant, args, result, CleanFailure.problem(result));
    }

    /** The mutant as a source at its original's path. */
    private static Source source(Path original, Mutant mutant) {
        try {
            return Source.newBuilder("chan", original.toFile()).name(original.toString()).content(mutant.text()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .chan file of the corpus's folders, in a fixed order (a seed names the same mutant on every machine). */
    static List<Path> corpus() {
        List<Path> files = new ArrayList<>();
        for (String dir : CORPUS_DIRS) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".chan")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
