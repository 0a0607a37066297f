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
