package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The numeric representation rules shared by arithmetic, equality, ordering and the built-ins.
 *
 * <p>Invariants of the representation: an int is a {@link Long}, or a {@link BigInteger} only when
 * it does not fit in 64 bits. Every producer of a BigInteger passes it through {@link #normalize}, so
 * equal ints always have the same Java class and {@code Long.equals} is the right map-key equality.
 * A float is a {@link Double}.
 */
public final class Numbers {
    private Numbers() {
    }

    public static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger;
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof BigInteger;
    }

    public static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN();
    }

    /** A BigInteger result as the canonical int: a Long whenever it fits. */
    @TruffleBoundary
    public static Object normalize(BigInteger b) {
        // bitLength excludes the sign bit, so < 64 is exactly the range of long (MIN_VALUE has 63).
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** An int (Long or BigInteger) as a BigInteger. */
    @TruffleBoundary
    public static BigInteger big(Object intValue) {
        return intValue instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) intValue;
    }

    /**
     * Any number as a double: the nearest one to an int. An int too large for any finite double is
     * the error Python's OverflowError gives, not an infinity: `float(1 << 2000)` or `(1 << 2000) * 1.0`
     * holding inf would carry on silently with a value nothing like the int (docs/language.md,
     * "Numbers: int and float").
     */
    @TruffleBoundary
    public static double toDouble(Object number) {
        if (number instanceof Double d) {
            return d;
        }
        if (number instanceof Long l) {
            return l;
        }
        BigInteger big = (BigInteger) number;
        double d = big.doubleValue();
        if (Double.isInfinite(d)) {
            throw new ChanError("int too large to convert to float: it has " + big.abs().bitLength() + " bits, a float holds up to about 2^1024");
        }
        return d;
    }

    /**
     * Exact numeric comparison of two numbers, neither of them NaN: -1, 0 or 1. Mixed int and float
     * are compared by their mathematical values, never by rounding the int to a double (which would
     * make 2^53 + 1 equal to 2^53 + 0.0). -0.0 and 0.0 compare equal here.
     */
    @TruffleBoundary
    public static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        if (a instanceof Double x) {
            return -compareIntDouble(b, x);
        }
        if (b instanceof Double y) {
            return compareIntDouble(a, y);
        }
        return big(a).compareTo(big(b));
    }

    private static int compareIntDouble(Object i, double d) {
        if (d == Double.POSITIVE_INFINITY) {
            return -1;
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        if (i instanceof Long l) {
            return compareLongDouble(l, d);
        }
        return new BigDecimal((BigInteger) i).compareTo(new BigDecimal(d));
    }

    private static int compareLongDouble(long l, double d) {
        if (d >= 0x1p63) {
            return -1;
        }
        if (d < -0x1p63) {
            return 1;
        }
        // |d| < 2^63 here, so truncation is exact and so is the fractional part d - t.
        long t = (long) d;
        if (l != t) {
            return Long.compare(l, t);
        }
        double fraction = d - t;
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
    }
}
