package chan.fuzz;

import chan.fuzz.ProgramRunner.Result;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a run of a damaged program ended as docs/errors.md says every run ends: exit 0, 1
 * (uncaught error), 2 (syntax or static error) or 3 (deadlock); an error named by
 * `file:line:column: … error: …` with the source line and a caret under it; a deadlock by its
 * `deadlock:` report; and never a Java exception, a Java stack frame or an internal error, whatever
 * the program printed.
 */
final class CleanFailure {
    private CleanFailure() {}

    /** What a Java exception or stack frame looks like in either stream. */
    private static final Pattern JAVA = Pattern.compile(
                    "(?m)^\\s+at (java|jdk|sun|com\\.oracle|org\\.graalvm|org\\.antlr|chan)\\.[\\w.$]+\\("
                                    + "|\\b(java|javax|jdk|sun|com\\.oracle|org\\.graalvm|org\\.antlr|chan)\\.[\\w.$]*(Exception|Error)\\b");
    private static final Pattern POSITION = Pattern.compile("^\\S.*:\\d+:\\d+: (syntax )?error: .*");
    private static final Pattern CARET = Pattern.compile("^ *\\^$");
    /** A thread's uncaught error, on stderr of a run that goes on (docs/errors.md, "crashed"). */
    private static final Pattern CRASH = Pattern.compile("^thread \\d+ \\(.*:\\d+\\) crashed: .*");

    /** Whether a timed-out run was stopped in guest code, so that it may be a loop the mutant made. */
    static boolean cancelled(Result r) {
        return r.timedOut() && r.exit() == -2;
    }

    /** What is wrong with the run, or null. A run cancelled at its time limit is judged by hand. */
    static String problem(Result r) {
        if (r.timedOut()) {
            return cancelled(r) ? "timed out (cancelled in guest code: a loop the mutant made, or a hang)"
                            : "timed out, and cancelling did not stop it (a hang outside guest code)";
        }
        if (r.exit() == ProgramRunner.EXIT_INTERNAL || r.stderr().contains("internal error")) {
            return "internal error";
        }
        if (JAVA.matcher(r.stderr()).find() || JAVA.matcher(r.stdout()).find()) {
            return "a Java exception or stack frame in the output";
        }
        List<String> err = r.stderr().lines().toList();
        return switch (r.exit()) {
            case 0 -> err.stream().filter(line -> !CRASH.matcher(line).matches()).findFirst()
                            .map(line -> "exit 0 with stderr that is not a crashed thread's line: " + line).orElse(null);
            case 1, 2 -> positioned(err);
            case 3 -> err.contains("deadlock: all threads are blocked") ? null : "exit 3 without `deadlock: all threads are blocked`";
            default -> "exit code " + r.exit() + " (the contract's are 0, 1, 2 and 3)";
        };
    }

    /**
     * Null when some line names file:line:column with the source line and a caret below it, or the
     * error is the command line's (`chan: unknown machine …`, of a test that gives a bad option).
     */
    private static String positioned(List<String> err) {
        if (!err.isEmpty() && err.get(0).startsWith("chan: ")) {
            return null;
        }
        for (int i = 0; i + 2 < err.size(); i++) {
            if (POSITION.matcher(err.get(i)).matches() && CARET.matcher(err.get(i + 2)).matches()) {
                return null;
            }
        }
        return "an error without file:line:column, source line and caret";
    }
}
