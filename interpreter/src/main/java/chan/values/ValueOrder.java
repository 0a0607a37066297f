package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Comparator;

/**
 * A total order over all values: the key order of {@link ChanMap} and the order of {@code sort}.
 *
 * <p>First by type rank: {@code nil < bool < number < atom < string < tuple < list < map < struct
 * < array < dict < others}. Within a rank: {@code false < true}; numbers by mathematical value, an
 * int before a float of the same value ({@code 1 < 1.0}), -0.0 before 0.0, NaN after every other
 * number; atoms by name and strings by code point; tuples, lists and arrays lexicographically (a
 * prefix first); maps by their sorted entries (key, then value) lexicographically; dicts likewise
 * after sorting their keys; structs by type name, then field names, then field values.
 *
 * <p>Invariant: {@code compare(a, b) == 0} exactly when {@link Equality#same}{@code (a, b)}, so a
 * sorted map and a hashed dict agree on what counts as one key. Others (channels, threads, functions)
 * are ordered deterministically when their class is {@link Comparable} (by creation id, say) or their
 * {@code toString} differs; only then by identity hash, which varies from run to run.
 */
public final class ValueOrder implements Comparator<Object> {
    public static final ValueOrder INSTANCE = new ValueOrder();

    private ValueOrder() {
    }

    @Override
    @TruffleBoundary
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        // Map lookups mostly compare scalar keys: those need no walk and no allocation.
        return isContainer(ra) ? new ContainerOrder().compare(a, b) : compareScalars(ra, a, b);
    }

    /** The type rank above: 0 for nil up to 11 for values of other packages. */
    public static int rank(Object v) {
        if (v == ChanNil.NIL) {
            return 0;
        } else if (v instanceof Boolean) {
            return 1;
        } else if (Numbers.isNumber(v)) {
            return 2;
        } else if (v instanceof ChanAtom) {
            return 3;
        } else if (v instanceof String) {
            return 4;
        } else if (v instanceof ChanTuple) {
            return 5;
        } else if (v instanceof ChanList) {
            return 6;
        } else if (v instanceof ChanMap) {
            return 7;
        } else if (v instanceof ChanStruct) {
            return 8;
        } else if (v instanceof ChanArray) {
            return 9;
        } else if (v instanceof ChanDict) {
            return 10;
        }
        return 11;
    }

    static boolean isContainer(int rank) {
        return rank >= 5 && rank <= 10;
    }

    /** Two values of the same scalar rank (not a tuple, list, map, struct, array or dict). */
    static int compareScalars(int rank, Object a, Object b) {
        return switch (rank) {
            case 0 -> 0;
            case 1 -> Boolean.compare((Boolean) a, (Boolean) b);
            case 2 -> compareNumbers(a, b);
            case 3 -> Strings.compare(((ChanAtom) a).name(), ((ChanAtom) b).name());
            case 4 -> Strings.compare((String) a, (String) b);
            default -> Identities.compare(a, b);
        };
    }

    /** Numbers of the same rank: see the class comment. */
    static int compareNumbers(Object a, Object b) {
        boolean nanA = Numbers.isNaN(a);
        boolean nanB = Numbers.isNaN(b);
        if (nanA || nanB) {
            return nanA == nanB ? 0 : (nanA ? 1 : -1);
        }
        int c = Numbers.compare(a, b);
        if (c != 0) {
            return c;
        }
        if (a instanceof Double x) {
            // Double.compare separates -0.0 from 0.0; an int sorts before an equal float.
            return b instanceof Double y ? Double.compare(x, y) : 1;
        }
        return b instanceof Double ? -1 : 0;
    }
}
