package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import chan.fuzz.ProgramGenerator.Program;
import chan.fuzz.ProgramRunner.Mode;
import chan.fuzz.ProgramRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A long hunt outside JUnit, one line per seed, for running in the background (several at once on
 * separate seed ranges): {@code java … chan.fuzz.Hunt FROM COUNT OUTDIR [trace|shapes]}. A failing
 * seed's program, both outputs and the reason go to OUTDIR/seed-N.*; with {@code trace}, each compiled
 * run's compilation trace goes to OUTDIR/trace/seed-N.log (to look for bailouts and deoptimization
 * loops); with {@code shapes}, the programs are {@link ProgramGenerator#shapesOnly} (HotShapes alone).
 */
public final class Hunt {
    private Hunt() {}

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[0]);
        long count = Long.parseLong(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        boolean trace = args.length > 3 && args[3].equals("trace");
        boolean shapes = args.length > 3 && args[3].equals("shapes");
        int failed = 0;
        for (long seed = from; seed < from + count; seed++) {
            Program program = shapes ? ProgramGenerator.shapesOnly(seed) : ProgramGenerator.generate(seed);
            Path file = program.writeTo(dir);
            Path log = trace ? Files.createDirectories(dir.resolve("trace")).resolve("seed-" + seed + ".log") : null;
            long t0 = System.nanoTime();
            Result interpreted = ProgramRunner.run(file, program.args(), Mode.INTERPRETED, 60_000, null);
            long t1 = System.nanoTime();
            Result compiled = ProgramRunner.run(file, program.args(), Mode.COMPILED, 180_000, log);
            long t2 = System.nanoTime();
            String problem = CompiledAgreesWithInterpreterTest.problem(interpreted, compiled);
            System.out.printf("seed %d: %s (exit %d, %d lines; interpreted %d ms, compiled %d ms) %s%n", seed,
                            problem == null ? "ok" : "FAIL " + problem.lines().findFirst().orElse(""), interpreted.exit(),
                            interpreted.stdout().lines().count(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, String.join(" ", program.args()));
            if (problem == null) {
                program.deleteFrom(dir);
            } else {
                failed++;
                Files.writeString(dir.resolve("seed-" + seed + ".txt"), "args: " + String.join(" ", program.args()) + "\n" + problem
                                + "\n=== interpreted: " + interpreted.describe() + "=== compiled: " + compiled.describe(), UTF_8);
                Files.writeString(dir.resolve("seed-" + seed + ".interpreted.out"), interpreted.stdout() + "\n--- stderr\n" + interpreted.stderr(), UTF_8);
                Files.writeString(dir.resolve("seed-" + seed + ".compiled.out"), compiled.stdout() + "\n--- stderr\n" + compiled.stderr(), UTF_8);
            }
        }
        System.out.println("done: " + count + " seeds, " + failed + " failed");
        System.exit(0);
    }
}
