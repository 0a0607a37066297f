package chan.parser;

import java.nio.file.Path;

/**
 * How a module is named in errors, stack traces and crash lines: by a path that leads to it from
 * where the program was started, as the main program is named by the path it was given. A relative
 * import is the importing file's path joined with the import's (`tests/main.chan` importing
 * `./lib/util.chan` is `tests/lib/util.chan`); a standard module is its module-path directory joined
 * with its file (`stdlib/list.chan`). So two modules of one name in different directories are told
 * apart, and an editor can open the position. ModuleLoader and ParseAhead name modules alike, so that
 * a module parsed ahead is found under its name.
 */
final class ModuleNames {
    private ModuleNames() {}

    /**
     * A module imported by {@code path} from the source named {@code importer}; {@code importerIsFile}
     * false for a program with no file (standard input, a REPL input), whose imports are relative to
     * the working directory.
     */
    static String imported(String importer, boolean importerIsFile, String path) {
        Path dir = importerIsFile ? Path.of(importer).getParent() : null;
        return shown(dir == null ? Path.of(path) : dir.resolve(path));
    }

    /** The standard module {@code name} found in the module-path directory {@code dir}. */
    static String standard(String dir, String name) {
        return shown(Path.of(dir, name + ".chan"));
    }

    private static String shown(Path path) {
        return path.normalize().toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
