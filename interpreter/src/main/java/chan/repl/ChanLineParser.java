package chan.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when an input is complete and what word the cursor is in. An input whose brackets or
 * block comment are still open is incomplete: Enter then starts a continuation line. A string left
 * open at the end of its line is not: it cannot go on on the next, so the input runs and the syntax
 * error says so at once, rather than taking in the inputs after it. Nor are brackets that already
 * fail to pair (a `}` closing a `(`, a `;` directly inside a `(`), for the same reason.
 * A REPL command (a line starting with `:`) is always complete. The word for completion is the
 * name (letters, digits, `_`, and `.` for `module.member`) around the cursor.
 */
final class ChanLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":") && isOpen(line)) {
            throw new EOFError(-1, cursor, "unbalanced brackets", "more");
        }
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < line.length() && isWordChar(line.charAt(end))) {
            end++;
        }
        return new Word(line, cursor, line.substring(start, end), cursor - start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':';
    }

    /**
     * Whether a bracket or block comment is still open at the end of the text, and no string was left
     * open before it, nor a bracket unpaired.
     */
    static boolean isOpen(String text) {
        StringBuilder open = new StringBuilder(); // the brackets open, innermost last
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return true;
                }
                i = close + 2;
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n' ? 2 : 1;
                }
                if (i >= n || text.charAt(i) == '\n') {
                    return false; // a string cannot span lines: the input is run now, and its error shown
                }
                i++;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    open.append(c);
                } else if (c == ')' || c == ']' || c == '}' || c == ';') {
                    if (!pairs(open, c)) {
                        return false; // the brackets already fail here: no line after can mend it, so run it now
                    }
                    if (c != ';') {
                        open.setLength(open.length() - 1);
                    }
                }
                i++;
            }
        }
        return !open.isEmpty();
    }

    /**
     * Whether c may come where the brackets open stand, as the parser pairs them
     * (chan.parser.UnpairedBracket): a closing bracket closes the innermost one, of its kind, and a
     * `;` is never directly inside a `(` or `[`.
     */
    private static boolean pairs(StringBuilder open, char c) {
        char innermost = open.isEmpty() ? 0 : open.charAt(open.length() - 1);
        return switch (c) {
            case ')' -> innermost == '(';
            case ']' -> innermost == '[';
            case '}' -> innermost == '{';
            default -> innermost != '(' && innermost != '[';
        };
    }

    /** The line as JLine sees it for completion: one word, the one under the cursor. */
    private record Word(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
