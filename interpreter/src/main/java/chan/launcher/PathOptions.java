package chan.launcher;

import chan.runtime.FileFailure;
import chan.runtime.VisibleText;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The options that name files, `--trace FILE` and `--path DIRS`, checked to be paths at all before
 * anything runs: a NUL, or under LANG=C a non-ASCII character, is no file name, and Java's Path.of
 * would throw deep inside the run. (`--machine` is checked where it is read, Machine.resolve.)
 */
final class PathOptions {
    private PathOptions() {}

    /** The one-line error for the first option that is not a path, or null when all are. */
    static String problem(Map<String, String> options) {
        String trace = options.get("chan.Trace");
        if (trace != null && !trace.isEmpty()) {
            String why = whyNotAPath(trace);
            if (why != null) {
                return "cannot write trace file " + VisibleText.of(trace) + ": " + why;
            }
        }
        String dirs = options.get("chan.Path");
        if (dirs != null) {
            for (String dir : dirs.split(File.pathSeparator)) {
                String why = whyNotAPath(dir);
                if (why != null) {
                    return "--path " + VisibleText.of(dir) + ": " + why;
                }
            }
        }
        return null;
    }

    /** Why {@code name} is not a path on this system, or null when it is one. */
    static String whyNotAPath(String name) {
        try {
            Path.of(name);
            return null;
        } catch (InvalidPathException e) {
            return FileFailure.reason(e);
        }
    }
}
