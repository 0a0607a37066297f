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
        if (v instanceof BigInteger) {
            throw error(builtin + ": " + what + " " + v + " is too large");
        }
        throw expected(builtin, "an int " + what, v);
    }

    /**
     * Makes the error behind a boundary; its message is still concatenated on the caller's compiled
     * path (array and len are inlined into Chan code). Building the messages behind boundaries too
     * made `array` far smaller but Towers slower, unexplained (bench/README.md, "Calls against Java",
     * "Storage's allocation").
     */
    @TruffleBoundary
    private static ChanError error(String message) {
        return new ChanError(message);
    }

    /** A size for a new list or array: {@code 0 <= n <= MAX_SIZE}. */
    static int size(String builtin, Object v) {
        long n = longInt(builtin, "size", v);
        if (n < 0) {
            throw error(builtin + ": negative size " + n);
        }
        if (n > MAX_SIZE) {
            throw error(builtin + ": size " + n + " is too large");
        }
        return (int) n;
    }
}
