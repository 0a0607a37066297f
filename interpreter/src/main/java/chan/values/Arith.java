package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/**
 * The arithmetic operators on any operands: the generic slow paths behind the interpreter's
 * specialized int and float fast paths.
 *
 * <p>Rules. Ints never wrap: a 64-bit overflow continues in BigInteger, and a BigInteger result
 * returns to Long when it fits ({@link Numbers#normalize}). Mixed int and float give a float. Integer
 * {@code /} and {@code %} truncate toward zero (Go, C): {@code -7 / 2 == -3}, {@code -7 % 2 == -1};
 * {@code /} or {@code %} by zero, int or float, is the error "division by zero" (LANGUAGE.md §1 says so
 * without exception; Go's runtime would give +Inf for floats). {@code +}
 * also joins two strings or two lists; a string plus anything else is an error (Go's strictness:
 * write {@code "n=" + str(n)}). Bitwise operators and shifts take ints only; {@code >>} is arithmetic
 * (floor); a negative shift count is an error, and so is a left shift beyond {@link #MAX_SHIFT}, or a
 * product, sum or difference of more bits than that.
 *
 * <p>Messages: "cannot add string and int"; likewise "subtract", "multiply", "divide"; the other
 * operators say "cannot apply % to string and int", "cannot negate string", "cannot apply ~ to float".
 */
public final class Arith {
    /** Left shifts beyond this many bits would make ints of megabytes: an error instead. */
    public static final int MAX_SHIFT = 1 << 24;

    /** -Long.MIN_VALUE, the result of the only long negation and division that overflow. */
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    private Arith() {
    }

    @TruffleBoundary
    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return addInts(x, y);
        } else if (a instanceof String x && b instanceof String y) {
            return StringLimit.concat(x, y);
        } else if (a instanceof ChanList x && b instanceof ChanList y) {
            return x.concat(y);
        } else if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
            throw mismatch("add", a, b);
        } else if (a instanceof Double || b instanceof Double) {
            return Numbers.toDouble(a) + Numbers.toDouble(b);
        }
        return Numbers.normalize(withinBits(Numbers.big(a).add(Numbers.big(b)), "a sum"));
    }

    @TruffleBoundary
    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return subInts(x, y);
        } else if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
            throw mismatch("subtract", a, b);
        } else if (a instanceof Double || b instanceof Double) {
            return Numbers.toDouble(a) - Numbers.toDouble(b);
        }
        return Numbers.normalize(withinBits(Numbers.big(a).subtract(Numbers.big(b)), "a difference"));
    }

    @TruffleBoundary
    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return mulInts(x, y);
        } else if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
            throw mismatch("multiply", a, b);
        } else if (a instanceof Double || b instanceof Double) {
            return Numbers.toDouble(a) * Numbers.toDouble(b);
        }
        return Numbers.normalize(product(Numbers.big(a), Numbers.big(b)));
    }

    /**
     * A product of big ints, unless it would have more than {@link #MAX_SHIFT} bits: ints of megabytes
     * take seconds to multiply and end, squared a few times more, in the JVM's own limit (about 2^31
     * bits), after minutes. An error instead, as for a shift.
     */
    private static BigInteger product(BigInteger a, BigInteger b) {
        if ((long) a.bitLength() + b.bitLength() > MAX_SHIFT + 1L) {
            throw new ChanError("int too large: a product of more than " + MAX_SHIFT + " bits");
        }
        return a.multiply(b);
    }

    /**
     * A sum or difference of big ints, unless it has more than {@code MAX_SHIFT + 1} bits, the most a
     * product or a shift may make: one bit past them at most, but `x = x + x` in a loop would grow a
     * bit a turn for ever.
     */
    private static BigInteger withinBits(BigInteger r, String what) {
        if (r.bitLength() > MAX_SHIFT + 1) {
            throw new ChanError("int too large: " + what + " of more than " + MAX_SHIFT + " bits");
        }
        return r;
    }

    @TruffleBoundary
    public static Object div(Object a, Object b) {
        if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
            throw mismatch("divide", a, b);
        } else if (a instanceof Double || b instanceof Double) {
            return Numbers.toDouble(a) / nonZero(Numbers.toDouble(b));
        } else if (a instanceof Long x && b instanceof Long y) {
            return divInts(x, y);
        }
        BigInteger divisor = nonZero(Numbers.big(b));
        return Numbers.normalize(Numbers.big(a).divide(divisor)); // BigInteger.divide truncates too
    }

    @TruffleBoundary
    public static Object mod(Object a, Object b) {
        if (!Numbers.isNumber(a) || !Numbers.isNumber(b)) {
            throw new ChanError(applyMessage("%", a, b));
        } else if (a instanceof Double || b instanceof Double) {
            return Numbers.toDouble(a) % nonZero(Numbers.toDouble(b)); // fmod: the sign of the dividend, like Go
        } else if (a instanceof Long x && b instanceof Long y) {
            return modInts(x, y);
        }
        BigInteger divisor = nonZero(Numbers.big(b));
        return Numbers.normalize(Numbers.big(a).remainder(divisor)); // remainder, not mod: truncating
    }

    /** Ints and floats inline (the built-in {@code abs} negates in compiled code; see {@link Compare}). */
    public static Object neg(Object a) {
        if (a instanceof Long x) {
            return negInt(x);
        } else if (a instanceof Double x) {
            return -x;
        }
        return negGeneric(a);
    }

    @TruffleBoundary
    private static Object negGeneric(Object a) {
        if (a instanceof BigInteger x) {
            return Numbers.normalize(x.negate());
        }
        throw new ChanError("cannot negate " + Types.name(a));
    }

    /** {@code a & b}; see {@link Bitwise}. */
    public static Object and(Object a, Object b) {
        return Bitwise.and(a, b);
    }

    /** {@code a | b}. */
    public static Object or(Object a, Object b) {
        return Bitwise.or(a, b);
    }

    /** {@code a ^ b}. */
    public static Object xor(Object a, Object b) {
        return Bitwise.xor(a, b);
    }

    /** {@code ~a}. */
    public static Object not(Object a) {
        return Bitwise.not(a);
    }

    /** {@code a << b}. */
    public static Object shl(Object a, Object b) {
        return Bitwise.shl(a, b);
    }

    /** {@code a >> b}. */
    public static Object shr(Object a, Object b) {
        return Bitwise.shr(a, b);
    }

    // Long fast paths, for the interpreter's own specializations too.

    // The overflow branches call BigInteger behind a boundary, so compiled code holding the fast
    // path never inlines BigInteger arithmetic.

    public static Object addInts(long x, long y) {
        long r = x + y;
        // Overflow iff both operands have the sign opposite to the result's (Hacker's Delight 2-13).
        return ((x ^ r) & (y ^ r)) < 0 ? big('+', x, y) : (Object) r;
    }

    public static Object negInt(long x) {
        return x == Long.MIN_VALUE ? TWO_63 : (Object) (-x); // the one negation that overflows
    }

    public static Object subInts(long x, long y) {
        long r = x - y;
        return ((x ^ y) & (x ^ r)) < 0 ? big('-', x, y) : (Object) r;
    }

    public static Object mulInts(long x, long y) {
        long lo = x * y;
        long hi = Math.multiplyHigh(x, y);
        // The 128-bit product fits in 64 bits iff the high word is the sign extension of the low one.
        return hi == (lo >> 63) ? (Object) lo : big('*', x, y);
    }

    public static Object divInts(long x, long y) {
        if (y == 0) {
            throw divisionByZero();
        }
        if (x == Long.MIN_VALUE && y == -1) {
            return TWO_63; // the one quotient that overflows
        }
        return x / y;
    }

    private static double nonZero(double divisor) {
        if (divisor == 0.0) {
            throw divisionByZero();
        }
        return divisor;
    }

    public static Object modInts(long x, long y) {
        if (y == 0) {
            throw divisionByZero();
        }
        return x % y; // Java's % truncates, and MIN_VALUE % -1 is 0 without overflow
    }

    /** An overflowed long operation redone exactly; the result never fits in a long. */
    @TruffleBoundary
    private static BigInteger big(char op, long x, long y) {
        BigInteger a = BigInteger.valueOf(x);
        BigInteger b = BigInteger.valueOf(y);
        return op == '+' ? a.add(b) : (op == '-' ? a.subtract(b) : a.multiply(b));
    }

    private static BigInteger nonZero(BigInteger divisor) {
        if (divisor.signum() == 0) {
            throw divisionByZero();
        }
        return divisor;
    }

    @TruffleBoundary
    static ChanError divisionByZero() {
        return new ChanError("division by zero");
    }

    @TruffleBoundary
    static ChanError mismatch(String verb, Object a, Object b) {
        return new ChanError("cannot " + verb + " " + Types.name(a) + " and " + Types.name(b));
    }

    @TruffleBoundary
    static String applyMessage(String op, Object a, Object b) {
        return "cannot apply " + op + " to " + Types.name(a) + " and " + Types.name(b);
    }
}
