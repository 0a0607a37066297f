package chan.builtins;

import chan.values.Arith;
import chan.values.ChanError;
import chan.values.DecimalDigits;
import chan.values.Display;
import chan.values.FloatFormat;
import chan.values.Numbers;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The conversions behind {@code int(v)} and {@code float(v)}.
 *
 * <p>Accepted text, after trimming surrounding white space (input from {@code read_line} often has
 * some): for int, an optional sign and ASCII decimal digits ({@code "-42"}, not {@code "4_2"},
 * {@code "0x2a"} or {@code "4.0"}); for float, an optional sign and a decimal number with an optional
 * exponent ({@code "1.5"}, {@code ".5"}, {@code "2e9"}, {@code "7"}), or {@code inf}, {@code infinity}
 * or {@code nan} in any case. A number too large for a double is an error, as Go's ParseFloat reports
 * it (ErrRange) and as the float literal {@code 1e999} is, rather than a silent inf; one too small
 * rounds to the nearest double ({@code "1e-999"} is 0.0), as Go's does. Java's extras ({@code "1d"}, {@code "0x1p3"}) are refused. A bool is not
 * a number here (Go's strictness): {@code int(true)} is an error. An int parsed has at most the bits an
 * int may have (docs/language.md, Arithmetic), whatever the length of the string.
 */
final class Conversions {
    private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT =
                    Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)([+-]?)(inf|infinity|nan)");

    private Conversions() {
    }

    @TruffleBoundary
    static Object toInt(Object v) {
        if (Numbers.isInt(v)) {
            return v;
        } else if (v instanceof Double d) {
            return truncate(d);
        } else if (v instanceof String s) {
            String t = s.strip();
            if (!INT.matcher(t).matches()) {
                throw new ChanError("int: cannot parse " + Display.quote(s) + " as an int");
            }
            return t.length() < 19 ? (Object) Long.parseLong(t) : Numbers.normalize(parseBig(t));
        }
        throw Args.expected("int", "a number or a string", v);
    }

    /**
     * Many digits, with their sign: an int of at most {@code MAX_SHIFT + 1} bits, as the products and
     * shifts that make ints have, else the error "int too large" (without parsing what is surely too
     * long), rather than an int no operator could make, after minutes of parsing.
     */
    private static BigInteger parseBig(String t) {
        boolean negative = t.charAt(0) == '-';
        int first = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        while (first < t.length() - 1 && t.charAt(first) == '0') {
            first++;
        }
        int digits = t.length() - first;
        BigInteger magnitude = digits <= DecimalDigits.MAX_DIGITS ? DecimalDigits.parse(t.substring(first)) : null;
        if (magnitude == null || magnitude.bitLength() > Arith.MAX_SHIFT + 1) {
            // Worded as a product's error (Arith.product), whose bound this is.
            throw new ChanError("int too large: a string of " + digits + " digits, an int of more than " + Arith.MAX_SHIFT
                            + " bits");
        }
        return negative ? magnitude.negate() : magnitude;
    }

    /** A float toward zero, exactly: int(1e20) is 100000000000000000000, not a rounded long. */
    static Object truncate(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ChanError("int: cannot convert " + FloatFormat.format(d) + " to an int");
        }
        if (Math.abs(d) < 0x1p63) {
            return (long) d;
        }
        return Numbers.normalize(new BigDecimal(d).toBigInteger());
    }

    @TruffleBoundary
    static double toFloat(Object v) {
        if (Numbers.isNumber(v)) {
            return Numbers.toDouble(v); // an int beyond the double range is an error, as in arithmetic
        } else if (v instanceof String s) {
            String t = s.strip();
            if (FLOAT.matcher(t).matches()) {
                double d = Double.parseDouble(t);
                if (Double.isInfinite(d)) {
                    throw new ChanError("float: " + Display.quote(s) + " is out of range: the largest float is 1.7976931348623157e+308 (\"inf\" is an infinity)");
                }
                return d;
            }
            var special = SPECIAL.matcher(t);
            if (special.matches()) {
                boolean negative = special.group(1).equals("-");
                if (special.group(2).equalsIgnoreCase("nan")) {
                    return Double.NaN;
                }
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw new ChanError("float: cannot parse " + Display.quote(s) + " as a float");
        }
        throw Args.expected("float", "a number or a string", v);
    }
}
