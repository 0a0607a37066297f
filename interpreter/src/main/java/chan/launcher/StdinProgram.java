package chan.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;

/**
 * `chan -`: the program is the whole of standard input, as `python -` and `node -` take it. Its
 * errors name it `<stdin>`; having no file, it imports relative files from the working directory
 * (chan.parser.ModuleLoader). Its bytes are decoded as Truffle decodes a file's (UTF-8, a byte-order
 * mark left for the lexer to skip), and a byte that is not UTF-8 is the same syntax error.
 */
final class StdinProgram {
    static final String NAME = "<stdin>";

    private StdinProgram() {}

    /** The program's source, or null after saying on {@code err} why there is none (exit 2). */
    static Source.Builder read(InputStream in, PrintStream err) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            err.println("chan: cannot read the program from standard input: " + chan.runtime.FileFailure.reason(e));
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String notUtf8 = chan.parser.InvalidUtf8.report(NAME, bytes, text);
        if (notUtf8 != null) {
            err.print(notUtf8);
            err.flush();
            return null;
        }
        return Source.newBuilder("chan", text, NAME);
    }
}
