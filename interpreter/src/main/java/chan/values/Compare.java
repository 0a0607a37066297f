package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Iterator;
import java.util.List;

/**
 * The guest relational operators {@code < <= > >=}.
 *
 * <p>Defined for two numbers (int and float mixed, compared exactly), two strings (by code point), two atoms (by name),
 * and two tuples or two lists, lexicographically with these same rules element by element (a prefix
 * is smaller; {@code [1, 2] < [1.0, 3]}). Anything else is the error "cannot compare string and int".
 * NaN is unordered: every comparison involving it is false, also when it decides a comparison of two
 * lists. Unlike {@link ValueOrder}, this is the order a programmer means, not a total order for keys.
 */
public final class Compare {
    /** The result of comparing with NaN: neither less, equal nor greater. */
    private static final int UNORDERED = 2;

    private Compare() {
    }

    /*
     * Each operator tests two ints and two floats inline before the boundary. The interpreter's
     * nodes have their own fast paths; these serve the built-ins that compare (abs, min, max) once
     * they are inlined into compiled code, where a boundary call, even on a path never taken, makes
     * the compiler forget every field and array element it had read before the merge after it (a
     * ball's coordinates, the core's clock) and reload them all.
     */

    public static boolean less(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        } else if (a instanceof Double x && b instanceof Double y) {
            return x < y; // false with NaN, as UNORDERED
        }
        return lessGeneric(a, b);
    }

    public static boolean lessEqual(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        } else if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        return lessEqualGeneric(a, b);
    }

    public static boolean greater(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x > y;
        } else if (a instanceof Double x && b instanceof Double y) {
            return x > y;
        }
        return greaterGeneric(a, b);
    }

    public static boolean greaterEqual(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x >= y;
        } else if (a instanceof Double x && b instanceof Double y) {
            return x >= y;
        }
        return greaterEqualGeneric(a, b);
    }

    @TruffleBoundary
    private static boolean lessGeneric(Object a, Object b) {
        return compare(a, b) == -1;
    }

    @TruffleBoundary
    private static boolean lessEqualGeneric(Object a, Object b) {
        int c = compare(a, b);
        return c == -1 || c == 0;
    }

    @TruffleBoundary
    private static boolean greaterGeneric(Object a, Object b) {
        return compare(a, b) == 1;
    }

    @TruffleBoundary
    private static boolean greaterEqualGeneric(Object a, Object b) {
        int c = compare(a, b);
        return c == 1 || c == 0;
    }

    /** -1, 0, 1, or {@link #UNORDERED}; throws for values that have no order. */
    private static int compare(Object a, Object b) {
        if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            if (Numbers.isNaN(a) || Numbers.isNaN(b)) {
                return UNORDERED;
            }
            return Numbers.compare(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(Strings.compare(x, y));
        }
        if (a instanceof ChanAtom x && b instanceof ChanAtom y) {
            return Integer.signum(Strings.compare(x.name(), y.name())); // alphabetical, as in Erlang
        }
        if (a instanceof ChanTuple x && b instanceof ChanTuple y) {
            return sequences(List.of(x.toArray()).iterator(), List.of(y.toArray()).iterator());
        }
        if (a instanceof ChanList x && b instanceof ChanList y) {
            return sequences(x.iterator(), y.iterator());
        }
        throw new ChanError("cannot compare " + Types.name(a) + " and " + Types.name(b));
    }

    private static int sequences(Iterator<Object> xs, Iterator<Object> ys) {
        while (xs.hasNext() && ys.hasNext()) {
            int c = compare(xs.next(), ys.next());
            if (c != 0) {
                return c; // includes UNORDERED: the first differing element decides, as in Python
            }
        }
        return Boolean.compare(xs.hasNext(), ys.hasNext());
    }
}
