package chan.builtins;

import chan.values.ChanError;
import chan.values.ChanList;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.ArrayList;

/**
 * {@code range(a, b[, step])}: the list a, a+step, ... stopping before b (Python's semantics).
 *
 * <p>The length is computed exactly in BigInteger, since {@code b - a} can overflow a long
 * ({@code range(-2^63, 2^63 - 1)}); it must not exceed {@link Args#MAX_SIZE}. Every element lies
 * between a and b, so generating them in long arithmetic cannot overflow.
 */
public final class Ranges {
    private Ranges() {
    }

    @TruffleBoundary
    static ChanList range(Object from, Object to, Object step) {
        int n = count(from, to, step);
        long a = (Long) from;
        long s = (Long) step;
        ArrayList<Object> items = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            items.add(a + k * s);
        }
        return ChanList.from(items);
    }

    /**
     * How many ints {@code range(from, to, step)} has, with its errors; a `for` loop over a range
     * counts them without making the list (ChanIterator.OverRange). Afterwards from and step are ints.
     */
    @TruffleBoundary
    public static int count(Object from, Object to, Object step) {
        long a = bound(from, "start");
        long b = bound(to, "end");
        long s = bound(step, "step");
        if (s == 0) {
            throw new ChanError("range: step must not be zero");
        }
        BigInteger span = BigInteger.valueOf(b).subtract(BigInteger.valueOf(a));
        BigInteger st = BigInteger.valueOf(s);
        // count = ceil(span / step) when span and step have the same sign, else 0.
        BigInteger count = span.signum() * Long.signum(s) <= 0 ? BigInteger.ZERO
                        : span.add(st).subtract(BigInteger.valueOf(Long.signum(s))).divide(st);
        if (count.compareTo(BigInteger.valueOf(Args.MAX_SIZE)) > 0) {
            throw new ChanError("range: too many elements (" + count + ")");
        }
        return count.intValue();
    }

    /**
     * The count of {@code range(a, b, step)} when it needs neither BigInteger nor an error, else -1
     * ({@link #count} decides): so that a loop over such a range starts without a boundary. With
     * {@code step} a compiled constant (a `for` loop's literal step) the division is one by a constant.
     */
    public static int stepCount(long a, long b, long step) {
        if (step == 0) {
            return -1; // the error
        }
        if (step > 0 ? a >= b : a <= b) {
            return 0;
        }
        long span = b - a; // wraps to the wrong sign when the span exceeds a long
        if (step > 0 ? span <= 0 : span >= 0) {
            return -1;
        }
        long beyondFirst = (span - Long.signum(step)) / step; // ceil(span / step) - 1: both have one sign
        return beyondFirst < Args.MAX_SIZE ? (int) beyondFirst + 1 : -1;
    }

    /**
     * Whether {@code range(a, b, step)} with a step of 1 or -1 has more ints than a range may (its
     * count above {@link Args#MAX_SIZE}, which {@link #count} reports): what {@code stepCount(a, b,
     * step) < 0} tells for these steps, in a subtraction and two compares instead of its branches.
     * A `for` loop over such a range asks at its start, which the compiler inlines with every copy
     * of a recursive function that holds the loop (RangeFirstNode).
     */
    public static boolean unitStepTooLong(long a, long b, long step) {
        // The loop runs when a is below b (above, going down); then the span, read unsigned, is
        // exact even where b - a wraps past a long.
        long span = step > 0 ? b - a : a - b;
        return (step > 0 ? a < b : a > b) & Long.compareUnsigned(span, Args.MAX_SIZE) > 0;
    }

    /** One of range's ints (its start, end or step, as {@code what} says), or its error. */
    private static long bound(Object v, String what) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger big) {
            throw new ChanError("range: " + what + " " + v + " is too " + (big.signum() < 0 ? "small" : "large") + " (a range's ints fit in 64 bits)");
        }
        throw Args.expected("range", "int arguments", v);
    }
}
