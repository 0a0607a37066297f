package chan.parser;

import chan.grammar.ChanParser.LiteralContext;
import chan.values.Arith;
import chan.values.ChanAtom;
import chan.values.ChanNil;
import chan.values.DecimalDigits;
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
        // BigInteger's own parse is quadratic in the digits: a 300 000-digit literal took 2.8 s.
        return Numbers.normalize(radix == 10 ? DecimalDigits.parse(t) : new BigInteger(t, radix));
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
    static BadLiteral badEscape(String quoted) {
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
                return new BadLiteral(i, "invalid escape: \\u{…} needs the hex digits of a Unicode code point");
            }
            return new BadLiteral(i, "unknown escape '\\" + e + "': the escapes are \\n \\t \\r \\0 \\\" \\\\ and \\u{HEX}");
        }
        return null;
    }

    /**
     * Why a number literal is malformed, with the offset in the token of what is wrong, or null if it
     * is well formed. As in Go: a base prefix needs a digit after it (`0x`, `0x_`); a binary or octal
     * literal holds only its digits (`0b12`); a `_` stands between two digits or right after the
     * prefix (`1_000`, `0x_ff`, `1e1_0`; not `1_`, `1__0`, `1_.5`, `1e_5`). Unlike Go, a decimal int
     * does not start with 0 (`0755`, `0_7`): C and Go read that as octal (Chan's is `0o755`), so a
     * silent decimal 755 would be wrong for their readers; Python refuses it too. A float literal
     * too large for a double is an error, as Go's "constant 1e999 overflows float64", rather than a
     * silent inf; one too small for the smallest double rounds to the nearest (0.0 for 1e-999), as in
     * Go, C and Python: that is still the float nearest to what was written.
     */
    static BadLiteral badNumber(String number, boolean isInt) {
        String prefix = basePrefix(number);
        int radix = prefix == null ? 10 : switch (Character.toLowerCase(prefix.charAt(1))) {
            case 'x' -> 16;
            case 'b' -> 2;
            default -> 8;
        };
        String base = radix == 16 ? "a hexadecimal" : radix == 2 ? "a binary" : "an octal";
        if (prefix != null && number.substring(2).replace("_", "").isEmpty()) {
            return new BadLiteral(0, base + " int needs a digit after " + prefix + " (" + number + ")");
        }
        for (int i = prefix == null ? 0 : 2; i < number.length() && radix < 10; i++) {
            if (Character.digit(number.charAt(i), radix) < 0 && number.charAt(i) != '_') {
                return new BadLiteral(i, "'" + number.charAt(i) + "' is not " + base + " digit (" + number + ")");
            }
        }
        int separator = misplacedSeparator(number, prefix, radix);
        if (separator >= 0) {
            return new BadLiteral(separator, "'_' in a number stands between two digits" + (prefix == null ? "" : " or right after " + prefix)
                            + " (" + number + ")");
        }
        if (isInt && prefix == null && number.length() > 1 && number.charAt(0) == '0') {
            return new BadLiteral(0, "a decimal int does not start with 0 (" + number + "): write 0o" + number.replaceFirst("^[0_]+", "")
                            + " for octal, or leave out the leading zeros");
        }
        if (!isInt && prefix == null && Double.isInfinite(Double.parseDouble(number.replace("_", "")))) {
            return new BadLiteral(0, "float literal out of range (" + shortened(number) + "): the largest float is 1.7976931348623157e+308");
        }
        if (isInt && tooManyBits(number.substring(prefix == null ? 0 : 2).replace("_", ""), radix)) {
            return new BadLiteral(0, "int literal too large (" + shortened(number) + "): an int of more than " + Arith.MAX_SHIFT
                            + " bits, as a product or a shift would be");
        }
        return null;
    }

    /**
     * Whether an int literal's digits make more bits than any int may have ({@code MAX_SHIFT + 1}):
     * counted without parsing where the count is sure (a power-of-two base; a decimal literal of more
     * or fewer digits than the largest int has), so that a literal of millions of digits is refused at
     * once instead of after seconds of parsing.
     */
    private static boolean tooManyBits(String digits, int radix) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        int significant = digits.length() - first;
        long limit = Arith.MAX_SHIFT + 1L;
        if (radix != 10) {
            int perDigit = Integer.numberOfTrailingZeros(radix);
            int lead = 32 - Integer.numberOfLeadingZeros(Character.digit(digits.charAt(first), radix));
            return (long) (significant - 1) * perDigit + lead > limit;
        } else if (significant != DecimalDigits.MAX_DIGITS) {
            return significant > DecimalDigits.MAX_DIGITS;
        }
        return DecimalDigits.parse(digits.substring(first)).bitLength() > limit;
    }

    /** A literal as an error message quotes it: a long one by its two ends. */
    private static String shortened(String number) {
        return number.length() <= 40 ? number : number.substring(0, 20) + "…" + number.substring(number.length() - 10);
    }

    /** What is wrong with a literal token, and where in it. */
    record BadLiteral(int offset, String message) {}

    /** The literal's base prefix, `0x`, `0b` or `0o` as written, or null for a decimal number. */
    private static String basePrefix(String number) {
        return number.length() >= 2 && number.charAt(0) == '0' && "xXbBoO".indexOf(number.charAt(1)) >= 0 ? number.substring(0, 2) : null;
    }

    /** The offset of the first `_` that stands neither between two digits nor right after the prefix before a digit, or -1. */
    private static int misplacedSeparator(String number, String prefix, int radix) {
        int digitsFrom = prefix == null ? 0 : 2;
        int digitRadix = Math.max(radix, 10); // a binary or octal digit out of range is reported before
        for (int i = digitsFrom; i < number.length(); i++) {
            if (number.charAt(i) != '_') {
                continue;
            }
            boolean digitAfter = i + 1 < number.length() && Character.digit(number.charAt(i + 1), digitRadix) >= 0;
            boolean digitOrPrefixBefore = i == digitsFrom ? prefix != null : Character.digit(number.charAt(i - 1), digitRadix) >= 0;
            if (!digitAfter || !digitOrPrefixBefore) {
                return i;
            }
        }
        return -1;
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
