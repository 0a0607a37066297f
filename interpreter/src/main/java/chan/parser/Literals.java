package chan.parser;

import chan.grammar.ChanParser.LiteralContext;
import chan.values.ChanAtom;
import chan.values.ChanNil;
import chan.values.Numbers;
import java.math.BigInteger;

/** The values of literal tokens: ints (hex, binary, octal, `_` separators, any size), floats, strings, atoms. */
final class Literals {
    private Literals() {}

    static Object value(LiteralContext lit) {
        if (lit.INT() != null || lit.FLOAT() != null) {
            return number(lit.getText());
        } else if (lit.STRING() != null) {
            return string(lit.getText());
        } else if (lit.ATOM() != null) {
            return ChanAtom.of(lit.getText().substring(1));
        } else if (lit.TRUE() != null) {
            return true;
        } else if (lit.FALSE() != null) {
            return false;
        }
        return ChanNil.NIL;
    }

    static Object number(String text) {
        String t = text.replace("_", "");
        if (t.contains(".") || ((t.contains("e") || t.contains("E")) && !t.startsWith("0x") && !t.startsWith("0X"))) {
            return Double.parseDouble(t);
        }
        int radix = 10;
        if (t.length() > 2 && t.charAt(0) == '0') {
            switch (Character.toLowerCase(t.charAt(1))) {
                case 'x' -> radix = 16;
                case 'b' -> radix = 2;
                case 'o' -> radix = 8;
                default -> radix = 10;
            }
            if (radix != 10) {
                t = t.substring(2);
            }
        }
        return Numbers.normalize(new BigInteger(t, radix));
    }

    static Object negate(Object number) {
        if (number instanceof Double d) {
            return -d;
        }
        return Numbers.normalize(Numbers.big(number).negate());
    }

    /**
     * Why a string literal (with its quotes) is malformed, with the escape's offset in the token, or null if
     * it is well formed: an unknown escape or a u{HEX} escape that is not a Unicode scalar value is a syntax error,
     * as in Go, rather than being taken literally or crashing the decoder.
     */
    static BadEscape badEscape(String quoted) {
        for (int i = 1; i < quoted.length() - 1; i++) {
            if (quoted.charAt(i) != '\\') {
                continue;
            }
            char e = quoted.charAt(i + 1);
            if ("ntr0\"\\".indexOf(e) >= 0) {
                i++;
                continue;
            }
            if (e == 'u') {
                int close = quoted.indexOf('}', i);
                String hex = close > i + 3 && quoted.charAt(i + 2) == '{' ? quoted.substring(i + 3, close) : "";
                if (hex.matches("[0-9a-fA-F]{1,6}")) {
                    int cp = Integer.parseInt(hex, 16);
                    if (cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                        i = close;
                        continue;
                    }
                }
                return new BadEscape(i, "invalid escape: \\u{…} needs the hex digits of a Unicode code point");
            }
            return new BadEscape(i, "unknown escape '\\" + e + "': the escapes are \\n \\t \\r \\0 \\\" \\\\ and \\u{HEX}");
        }
        return null;
    }

    record BadEscape(int offset, String message) {}

    /**
     * The offset of the first `_` in a number literal that does not stand between two digits
     * (`1_`, `1__0`, `0xff_`, `1_.5`), or -1. The lexer takes any run of digits and `_`; as in
     * Go, Java and Python, a separator only separates.
     */
    static int misplacedSeparator(String number) {
        int radix = number.length() > 1 && number.charAt(0) == '0' && "xX".indexOf(number.charAt(1)) >= 0 ? 16 : 10;
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) == '_' && (i == 0 || i + 1 == number.length()
                            || Character.digit(number.charAt(i - 1), radix) < 0 || Character.digit(number.charAt(i + 1), radix) < 0)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a decimal int literal starts with a 0 that is not the whole number (`0755`): C and Go
     * read that as octal (Chan's is `0o755`), so a silent decimal 755 would be wrong for their
     * readers; Python refuses it too.
     */
    static boolean hasLeadingZero(String number) {
        return number.length() > 1 && number.charAt(0) == '0' && (Character.isDigit(number.charAt(1)) || number.charAt(1) == '_');
    }

    /** Decodes a string literal with its quotes: the escapes n t r 0 " backslash, and u{hex} for any code point. */
    static String string(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                sb.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{' && close > i + 2) {
                        sb.appendCodePoint(Integer.parseInt(s.substring(i + 2, close), 16));
                        i = close;
                    } else {
                        sb.append("\\").append("u");
                    }
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
