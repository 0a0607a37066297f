package chan.parser;

import org.jline.utils.WCWidth;

/**
 * How many columns of a terminal a text takes, so that a caret sits under its character: a CJK
 * character or an emoji takes two, a combining mark or a zero-width character none, as wcwidth
 * counts them (JLine's port of Markus Kuhn's wcwidth, the REPL's terminal library). A sequence that
 * a terminal may draw as one glyph (a family emoji joined by ZWJs) is counted character by character.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    static int of(CharSequence text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }

    /** A control character, which wcwidth gives -1, takes no cell either. */
    static int of(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }
}
