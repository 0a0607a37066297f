package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/**
 * The bitwise operators {@code & | ^ ~ << >>} on ints (reached through {@link Arith}).
 *
 * <p>Ints are two's complement of unbounded width, as BigInteger models them, so {@code &}, {@code |},
 * {@code ^} and {@code ~} on a Long give the same answer the BigInteger would. {@code <<} never
 * overflows (it continues in BigInteger); {@code >>} is arithmetic, rounding toward minus infinity
 * ({@code -5 >> 1 == -3}), and shifting by 64 or more leaves 0 or -1. A negative count is the error
 * "negative shift count -1"; a left shift of a non-zero int by more than {@link Arith#MAX_SHIFT} is
 * "shift count too large", and one whose result would have more bits than a product may have is
 * "int too large" (ints stay within {@code MAX_SHIFT + 1} bits: docs/language.md, Arithmetic).
 */
final class Bitwise {
    private Bitwise() {
    }

    @TruffleBoundary
    static Object and(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x & y;
        }
        return Numbers.normalize(ints("&", a, b).and(Numbers.big(b)));
    }

    @TruffleBoundary
    static Object or(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x | y;
        }
        return Numbers.normalize(ints("|", a, b).or(Numbers.big(b)));
    }

    @TruffleBoundary
    static Object xor(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x ^ y;
        }
        return Numbers.normalize(ints("^", a, b).xor(Numbers.big(b)));
    }

    @TruffleBoundary
    static Object not(Object a) {
        if (a instanceof Long x) {
            return ~x;
        } else if (a instanceof BigInteger x) {
            return Numbers.normalize(x.not());
        }
        throw new ChanError("cannot apply ~ to " + Types.name(a));
    }

    @TruffleBoundary
    static Object shl(Object a, Object b) {
        ints("<<", a, b);
        if (Numbers.big(a).signum() == 0) {
            checkNotNegative(b);
            return 0L;
        }
        int n = count(b);
        if (a instanceof Long x && n < 63) {
            long r = x << n;
            if (r >> n == x) { // no significant bit was shifted out
                return r;
            }
        }
        BigInteger big = Numbers.big(a);
        // The count alone bounds 1 << n; a big int shifted is bounded as a product is (Arith.product),
        // else `x = x << 16777216` in a loop grew by two megabytes a turn until the heap ran out.
        if ((long) big.bitLength() + n > Arith.MAX_SHIFT + 1L) {
            throw new ChanError("int too large: a shift to more than " + Arith.MAX_SHIFT + " bits");
        }
        return Numbers.normalize(big.shiftLeft(n));
    }

    @TruffleBoundary
    static Object shr(Object a, Object b) {
        ints(">>", a, b);
        checkNotNegative(b);
        if (b instanceof BigInteger) {
            return Numbers.big(a).signum() < 0 ? -1L : 0L; // shifted beyond any representable width
        }
        long n = (Long) b;
        if (a instanceof Long x) {
            return x >> Math.min(n, 63);
        }
        return Numbers.normalize(((BigInteger) a).shiftRight((int) Math.min(n, Integer.MAX_VALUE)));
    }

    /** Checks both operands are ints and returns the first as a BigInteger. */
    private static BigInteger ints(String op, Object a, Object b) {
        if (!Numbers.isInt(a) || !Numbers.isInt(b)) {
            throw new ChanError(Arith.applyMessage(op, a, b));
        }
        return Numbers.big(a);
    }

    private static void checkNotNegative(Object count) {
        if (Numbers.big(count).signum() < 0) {
            throw new ChanError("negative shift count " + count);
        }
    }

    private static int count(Object count) {
        checkNotNegative(count);
        if (count instanceof BigInteger || (Long) count > Arith.MAX_SHIFT) {
            throw new ChanError("shift count too large: " + count);
        }
        return (int) (long) (Long) count;
    }
}
