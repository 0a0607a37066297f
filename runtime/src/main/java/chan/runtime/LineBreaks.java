package chan.runtime;

/**
 * The one rule for where a line of a file Chan reads ends (a source file, a machine file): at an LF,
 * a CRLF, or a lone CR (one not before an LF, the old Mac ending), as in Truffle's Source, whose lines
 * the run-time errors count. Readers that count LFs only had every error of a CR-only file on line 1.
 */
public final class LineBreaks {
    private LineBreaks() {}

    /**
     * The characters of text with each lone CR made an LF: then an LF ends every line (a CRLF line
     * keeps its CR, which the readers take as trailing white space). Same length, so every offset
     * stays where it was.
     */
    public static char[] loneCrsAsLf(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
                chars[i] = '\n';
            }
        }
        return chars;
    }
}
