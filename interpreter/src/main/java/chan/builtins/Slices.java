package chan.builtins;

import chan.values.ChanArray;
import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.ChanTuple;
import chan.values.Strings;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * {@code slice(x, a, b)}: elements a (inclusive) to b (exclusive) of a string, list, tuple or array,
 * as the same kind of value. An array slice is a new, independent array (not a view: arrays are
 * thread-confined and a shared view would be a second way to reach the same slots).
 *
 * <p>Bounds follow Go: {@code 0 <= a <= b <= len(x)}, else "slice [2:5] out of range for list of
 * length 3"; no negative indexes from the end, no clamping.
 */
final class Slices {
    private Slices() {
    }

    @TruffleBoundary
    static Object slice(Object x, Object from, Object to) {
        if (x instanceof String s) {
            int[] r = bounds(from, to, Strings.length(s), "string");
            return Strings.substring(s, r[0], r[1]);
        } else if (x instanceof ChanList l) {
            int[] r = bounds(from, to, l.size(), "list");
            return l.slice(r[0], r[1]);
        } else if (x instanceof ChanTuple t) {
            int[] r = bounds(from, to, t.size(), "tuple");
            return new ChanTuple(Arrays.copyOfRange(t.toArray(), r[0], r[1]));
        } else if (x instanceof ChanArray a) {
            int[] r = bounds(from, to, a.size(), "array");
            return a.slice(r[0], r[1]);
        }
        throw Args.expected("slice", "a string, list, tuple or array", x);
    }

    private static int[] bounds(Object from, Object to, int length, String kind) {
        long a = bound(from);
        long b = bound(to);
        if (a < 0 || a > b || b > length) {
            throw new ChanError("slice [" + from + ":" + to + "] out of range for " + kind
                            + " of length " + length);
        }
        return new int[] {(int) a, (int) b};
    }

    private static long bound(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger b) {
            return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE; // out of range either way
        }
        throw Args.expected("slice", "int bounds", v);
    }
}
