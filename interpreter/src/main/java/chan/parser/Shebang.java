package chan.parser;

/**
 * A first line that starts with {@code #!} ({@code #!/usr/bin/env chan}), so that a program made
 * executable runs as {@code ./prog.chan}: the lexer reads it as white space, as Python, Ruby and Node
 * do (docs/extensions.md). Only the file's very first two characters open one: anywhere else {@code #}
 * is a syntax error. The line keeps its length, so every position after it stays where it was, and
 * an error's source line is still read from the file itself.
 */
public final class Shebang {
    private Shebang() {}

    /** chars with a {@code #!} first line made spaces (in place), up to its line break. */
    public static char[] blanked(char[] chars) {
        if (chars.length >= 2 && chars[0] == '#' && chars[1] == '!') {
            for (int i = 0; i < chars.length && chars[i] != '\n' && chars[i] != '\r'; i++) {
                chars[i] = ' ';
            }
        }
        return chars;
    }
}
