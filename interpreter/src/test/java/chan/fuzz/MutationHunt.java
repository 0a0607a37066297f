package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import chan.fuzz.MutantsFailCleanlyTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A long mutation hunt outside JUnit, one line per seed, for running in the background:
 * {@code java … chan.fuzz.MutationHunt FROM COUNT OUTDIR [TIMEOUT_SECONDS [compiled]]}, from the
 * repository's root. A failing or timed-out seed's mutant and report go to OUTDIR/seed-N.chan and
 * seed-N.txt. With {@code compiled}, a mutant that gets past the static checks (exit 0, 1 or 3) runs
 * a second time with every function compiled early, and both runs must agree
 * ({@link CompiledAgreesWithInterpreterTest#problem}): the error paths of compiled code.
 */
public final class MutationHunt {
    private MutationHunt() {}

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[0]);
        long count = Long.parseLong(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        long timeoutMillis = args.length > 3 ? Long.parseLong(args[3]) * 1000 : 10_000;
        boolean compiled = args.length > 4 && args[4].equals("compiled");
        List<Path> corpus = MutantsFailCleanlyTest.corpus();
        int failed = 0;
        for (long seed = from; seed < from + count; seed++) {
            long t0 = System.nanoTime();
            Outcome outcome = MutantsFailCleanlyTest.run(corpus, seed, timeoutMillis);
            if (compiled && outcome.problem() == null && outcome.result().exit() != 2) {
                outcome = outcome.againCompiled(timeoutMillis * 6);
            }
            System.out.printf("seed %d: %s (exit %d, %d ms) %s | %s%n", seed, outcome.problem() == null ? "ok" : "FAIL " + outcome.problem(),
                            outcome.result().exit(), (System.nanoTime() - t0) / 1_000_000, outcome.original(),
                            outcome.result().stderr().lines().findFirst().orElse(""));
            if (outcome.problem() != null) {
                failed++;
                Files.writeString(dir.resolve("seed-" + seed + ".chan"), outcome.mutant().text(), UTF_8);
                Files.writeString(dir.resolve("seed-" + seed + ".txt"), outcome.report(seed), UTF_8);
            }
        }
        System.out.println("done: " + count + " seeds, " + failed + " failed");
        System.exit(0);
    }
}
