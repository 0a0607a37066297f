package chan.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * `chan test [DIR]`: runs every conformance program under DIR (recursively, in name order) by the
 * rules of {@link ConformanceCase}, prints `FAIL path: reason` for each failure and a closing
 * `N passed, N failed`. An `X.out` or `X.err` with no `X.chan` beside it counts as a failure.
 * `chan test X.chan` runs that one program against the files beside it, as `go test -run` or
 * `pytest FILE` narrow a run to one test.
 */
public final class TestCommand {
    private TestCommand() {}

    private static final String NEITHER = "not a directory or a .chan program";

    /** Returns 0 if every case passed, else 1; 2 if DIR is neither a directory nor a `.chan` program (as for a missing program). */
    public static int run(String dirName, PrintStream out, PrintStream err) {
        String notAPath = PathOptions.whyNotAPath(dirName);
        if (notAPath != null) {
            err.println("chan test: " + NEITHER + ": " + chan.runtime.VisibleText.of(dirName) + ": " + notAPath);
            return 2;
        }
        Path dir = Path.of(dirName);
        boolean oneProgram = Files.isRegularFile(dir) && dirName.endsWith(".chan");
        if (!oneProgram && !Files.isDirectory(dir)) {
            err.println("chan test: " + NEITHER + ": " + dir);
            return 2;
        }
        List<ConformanceCase> cases;
        List<String> orphans;
        try {
            cases = oneProgram ? List.of(ConformanceCase.of(dir)) : ConformanceCase.discover(dir);
            orphans = oneProgram ? List.of() : ConformanceCase.orphans(dir);
        } catch (IOException e) {
            err.println("chan test: cannot read " + dir + ": " + e.getMessage());
            return 1;
        }
        int failed = 0;
        for (String orphan : orphans) {
            out.println("FAIL " + dir.resolve(orphan) + ": no program " + programOf(orphan) + " beside it");
            failed++;
        }
        for (ConformanceCase c : cases) {
            Optional<ConformanceCase.Failure> failure = c.check();
            if (failure.isPresent()) {
                out.println("FAIL " + c.program() + ": " + failure.get().summary());
                failed++;
            }
        }
        out.println((cases.size() + orphans.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static String programOf(String expectationFile) {
        String file = Path.of(expectationFile).getFileName().toString();
        return file.substring(0, file.length() - ".out".length()) + ".chan";
    }
}
