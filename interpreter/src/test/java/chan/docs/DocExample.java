package chan.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * One checked example of docs/*.md (the convention is docs/README.md): a ```chan block and the blocks
 * right after it that say what it must do.
 *
 * @param doc      the Markdown file
 * @param line     the 1-based line of the ```chan fence, to name the example
 * @param fileName the name the program is run under (`file=`, default prog.chan); error messages show it
 * @param args     command-line words given after the file (`args="…"`)
 * @param exit     the expected exit code (`exit=N`, default 0)
 * @param program  the program text
 * @param stdin    the ```stdin block, or "" without one
 * @param output   the ```output block: the exact stdout
 * @param stderr   the ```stderr block: the exact stderr, or null when it is not compared
 */
record DocExample(Path doc, int line, String fileName, List<String> args, int exit, String program,
                  String stdin, String output, String stderr) {

    /** `docs/language.md:42`, the name of the test. */
    String name() {
        return doc.toString().replace('\\', '/') + ":" + line;
    }
}
