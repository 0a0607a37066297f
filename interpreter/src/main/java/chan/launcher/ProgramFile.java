package chan.launcher;

import java.io.File;

/**
 * Whether the program file named on the command line (`chan FILE`, `chan bench FILE`) can be run:
 * it must be a path at all, and a readable regular file. A device or a pipe may never end
 * (`/dev/zero` would fill the heap), so it is refused before it is read.
 */
final class ProgramFile {
    private ProgramFile() {}

    /** Why {@code name} cannot be run, in words, or null when it can. */
    static String whyUnreadable(String name) {
        String notAPath = PathOptions.whyNotAPath(name);
        if (notAPath != null) {
            return notAPath;
        }
        File file = new File(name);
        if (file.isFile() && file.canRead()) {
            return null;
        }
        return file.isDirectory() ? "it is a directory" : !file.exists() ? "no such file" : file.isFile() ? "permission denied" : "not a regular file";
    }
}
