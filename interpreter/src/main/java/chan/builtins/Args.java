package chan.builtins;

import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/**
 * Argument checks shared by the built-ins, and their messages, all of the one shape
 * "NAME: expected WHAT, got TYPE" (e.g. "len: expected a string, list, tuple, map, array or dict,
 * got int"), so a user always learns which built-in refused which kind of value.
 */
final class Args {
    /** The largest size of a list or array a built-in will build (a JVM array limit, less headroom). */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private Args() {
    }

    @TruffleBoundary
    static ChanError expected(String builtin, String what, Object got) {
        return new ChanError(builtin + ": expected " + what + ", got " + Types.name(got));
    }

    static String string(String builtin, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw expected(builtin, "a string", v);
    }

    static ChanList list(String builtin, Object v) {
        if (v instanceof ChanList l) {
            return l;
        }
        throw expected(builtin, "a list", v);
    }

    /** An int argument that must fit in a long (BigIntegers are out of range for every use here). */
    static long longInt(String builtin, String what, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger big) {
            throw error(builtin + ": " + what + " " + v + " is too " + (big.signum() < 0 ? "small" : "large"));
        }
        throw expected(builtin, "an int " + what, v);
    }

    /** Makes the error behind a boundary (its message is concatenated by the caller). */
    @TruffleBoundary
    private static ChanError error(String message) {
        return new ChanError(message);
    }

    /**
     * A size for a new list or array: {@code 0 <= n <= MAX_SIZE}. The test is inline, every message is
     * built behind the boundary ({@link #badSize}): {@code array} is inlined into Chan code, and a
     * string concatenation on its error path made it some 1 800 IR nodes, which the compiler's
     * inlining budget counts whether or not the path is ever taken (bench/README.md, "Storage's
     * allocation, again": Storage's array(4) calls then all inline; Towers' change came from where
     * the compiler cuts its recursion, not from this code).
     */
    static int size(String builtin, Object v) {
        if (v instanceof Long n && n >= 0 && n <= MAX_SIZE) {
            return (int) (long) n;
        }
        throw badSize(builtin, v);
    }

    /** The error of a size that {@link #size} refused: not an int, too large, or negative. */
    @TruffleBoundary
    private static ChanError badSize(String builtin, Object v) {
        if (v instanceof Long n) {
            return new ChanError(n < 0 ? builtin + ": negative size " + n : builtin + ": size " + n + " is too large");
        }
        if (v instanceof BigInteger) {
            return new ChanError(builtin + ": size " + v + " is too large");
        }
        return expected(builtin, "an int size", v);
    }
}
