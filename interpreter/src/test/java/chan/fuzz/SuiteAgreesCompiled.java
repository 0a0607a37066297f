package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's own programs, compiled against interpreted, outside JUnit, one line per program:
 * {@code java … chan.fuzz.SuiteAgreesCompiled OUTDIR [TIMEOUT_SECONDS [NAME_PART…]]}, from the
 * repository's root. Every conformance case (tests/), example (examples/) and Are-We-Fast-Yet port
 * (bench/awfy/) runs once interpreted and once with every function compiled early
 * ({@link SuiteProgram}); both runs must print the same stdout and stderr and end with the same exit
 * code. A NAME_PART keeps only the programs whose path contains it. A disagreement's report goes to
 * OUTDIR/NAME.txt (the path's slashes made dashes). SuiteAgreesCompiledTest runs a fixed subset.
 */
public final class SuiteAgreesCompiled {
    private SuiteAgreesCompiled() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        long timeoutMillis = (args.length > 1 ? Long.parseLong(args[1]) : 60) * 1000;
        List<String> wanted = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        int ran = 0;
        int failed = 0;
        for (SuiteProgram program : SuiteProgram.all()) {
            if (!wanted.isEmpty() && wanted.stream().noneMatch(program.name()::contains)) {
                continue;
            }
            long t0 = System.nanoTime();
            String problem = program.disagreement(timeoutMillis);
            ran++;
            System.out.printf("%s: %s (%d ms)%n", program.name(), problem == null ? "ok" : "FAIL " + problem.lines().findFirst().orElse(""),
                            (System.nanoTime() - t0) / 1_000_000);
            if (problem != null) {
                failed++;
                Files.writeString(dir.resolve(program.name().replace('/', '-') + ".txt"), problem, UTF_8);
            }
        }
        System.out.println("done: " + ran + " programs, " + failed + " disagree");
        System.exit(0);
    }
}
