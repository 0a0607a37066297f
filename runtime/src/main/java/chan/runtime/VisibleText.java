package chan.runtime;

/**
 * Text from the user (a file's word, an import path, a token) as an error message shows it: a
 * character a terminal would not show, or would act on, is written out. NUL, tab, newline and
 * carriage return as their escapes (`\0`, `\t`, `\n`, `\r`), any other control, format or separator
 * character (a form feed, a byte-order mark, U+2028) as `U+000C`. Printable text is left as it is.
 */
public final class VisibleText {
    private VisibleText() {}

    public static String of(String text) {
        if (text.codePoints().noneMatch(VisibleText::hidden)) {
            return text; // the common case, unchanged
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case 0 -> b.append("\\0");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (hidden(c)) {
                        b.append(String.format("U+%04X", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
            case Character.FORMAT -> c != 0x200D; // the zero-width joiner holds an emoji sequence together
            case Character.SPACE_SEPARATOR -> c != ' ';
            default -> false;
        };
    }
}
