package chan.parser;

import com.oracle.truffle.api.source.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The syntax and static errors of a program, each printed as `file:line:column: message`, the
 * source line and a caret (docs/errors.md). All errors of a file are reported, in source order.
 */
public final class Diagnostics {
    record Entry(Source source, int line, int column, String message) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Records an error; line and column are 1-based, the column counted in characters. */
    void add(Source source, int line, int column, String message) {
        entries.add(new Entry(source, line, column, message));
    }

    /** Forgets every error (a REPL session reports each input's errors on their own). */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The report, ready to print. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        entries.stream().sorted(Comparator.comparingInt(Entry::line).thenComparingInt(Entry::column)).distinct().forEach(e -> {
            sb.append(name(e.source())).append(':').append(e.line()).append(':').append(e.column()).append(": ").append(e.message()).append('\n');
            sb.append(sourceLineWithCaret(e.source(), e.line(), e.column()));
        });
        return sb.toString();
    }

    static String name(Source source) {
        return source.getName();
    }

    /** The line, indented by two spaces, and a caret under the column. */
    public static String sourceLineWithCaret(Source source, int line, int column) {
        if (line < 1 || line > source.getLineCount()) {
            return "";
        }
        String text = source.getCharacters(line).toString().replace("\t", " ");
        return "  " + text + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^\n";
    }
}
