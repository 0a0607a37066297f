package chan.parser;

import chan.nodes.Positions;
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

    /**
     * Records an error; line and column are 1-based, the column counted in UTF-16 units of the line
     * as tokens count it (printed in code points: chan.nodes.Positions).
     */
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

    /** Whether an error was reported at this line and column (1-based; the column in UTF-16 units). */
    public boolean hasErrorAt(int line, int column) {
        return entries.stream().anyMatch(e -> e.line() == line && e.column() == column);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The report, ready to print. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        entries.stream().sorted(Comparator.comparingInt(Entry::line).thenComparingInt(Entry::column)).distinct().forEach(e -> {
            sb.append(Positions.format(e.source(), e.line(), e.column())).append(": ").append(e.message()).append('\n');
            sb.append(sourceLineWithCaret(e.source(), e.line(), e.column()));
        });
        return sb.toString();
    }

    static String name(Source source) {
        return source.getName();
    }

    /**
     * The line, indented by two spaces, and a caret under the column (in UTF-16 units of the line):
     * a tab shows as one space, and the caret's indentation is as wide as what it stands under.
     */
    public static String sourceLineWithCaret(Source source, int line, int utf16Column) {
        if (line < 1 || line > source.getLineCount()) {
            return "";
        }
        String text = source.getCharacters(line).toString().replace("\t", " ");
        int before = Math.min(Math.max(utf16Column - 1, 0), text.length());
        int indent = DisplayWidth.of(text.substring(0, before)) + utf16Column - 1 - before;
        return "  " + text + "\n  " + " ".repeat(Math.max(0, indent)) + "^\n";
    }
}
