package chan.parser;

/**
 * How many columns of a terminal a text takes, so that a caret sits under its character: a CJK
 * character or an emoji takes two, a combining mark or a format character (a zero-width joiner,
 * the byte-order mark) none, as wcwidth and Rust's unicode-width count them. A sequence that a
 * terminal may draw as one glyph (a family emoji joined by ZWJs) is counted character by character.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    /** The East Asian Wide and Fullwidth ranges that Character has no test for (emoji: isEmojiPresentation). */
    private static final int[][] WIDE = {
        {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
        {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1B000, 0x1B2FF}, {0x20000, 0x3FFFD},
    };

    static int of(CharSequence text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                        || (codePoint >= 0x1160 && codePoint <= 0x11FF)) { // Hangul vowels and finals join the initial
            return 0;
        }
        if (Character.isEmojiPresentation(codePoint)) {
            return 2;
        }
        for (int[] range : WIDE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return 2;
            }
        }
        return 1;
    }
}
