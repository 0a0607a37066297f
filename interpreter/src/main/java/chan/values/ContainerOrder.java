package chan.values;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One {@link ValueOrder} comparison of containers (tuples, lists, maps, structs, arrays, dicts),
 * walking both values in step. Remembers which pairs of arrays and dicts it is inside
 * ({@link CyclePairs}), so comparing cyclic values terminates, agreeing with {@link Equality}.
 */
final class ContainerOrder {
    private CyclePairs open;

    int compare(Object a, Object b) {
        int ra = ValueOrder.rank(a);
        int rb = ValueOrder.rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 5 -> sequences(((ChanTuple) a).toArray(), ((ChanTuple) b).toArray());
            case 6 -> sequences(((ChanList) a).iterator(), ((ChanList) b).iterator());
            case 7 -> sequences(((ChanMap) a).iterator(), ((ChanMap) b).iterator());
            case 8 -> structs((ChanStruct) a, (ChanStruct) b);
            case 9, 10 -> mutables(a, b);
            default -> ValueOrder.compareScalars(ra, a, b);
        };
    }

    private int sequences(Object[] xs, Object[] ys) {
        return sequences(List.of(xs).iterator(), List.of(ys).iterator());
    }

    /** Lexicographic; the elements are values, or map entries (compared by key, then value). */
    private int sequences(Iterator<?> xs, Iterator<?> ys) {
        while (xs.hasNext() && ys.hasNext()) {
            Object x = xs.next();
            Object y = ys.next();
            int c = x instanceof Map.Entry<?, ?> e ? entries(e, (Map.Entry<?, ?>) y) : compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(xs.hasNext(), ys.hasNext());
    }

    private int entries(Map.Entry<?, ?> x, Map.Entry<?, ?> y) {
        int c = compare(x.getKey(), y.getKey());
        return c != 0 ? c : compare(x.getValue(), y.getValue());
    }

    private int structs(ChanStruct a, ChanStruct b) {
        ChanStructType s = a.type();
        ChanStructType t = b.type();
        int c = Strings.compare(s.name(), t.name());
        if (c == 0 && !s.equals(t)) {
            c = sequences(s.fieldNames(), t.fieldNames());
        }
        for (int i = 0; c == 0 && i < s.fieldCount(); i++) {
            c = compare(a.get(i), b.get(i));
        }
        return c;
    }

    private int mutables(Object a, Object b) {
        if (open == null) {
            open = new CyclePairs();
        }
        if (!open.enter(a, b)) {
            return 0; // gone round a cycle: equal so far, as Equality decides
        }
        try {
            if (a instanceof ChanArray x) {
                return sequences(x.toArray(), ((ChanArray) b).toArray());
            }
            return sequences(sortedEntries((ChanDict) a), sortedEntries((ChanDict) b));
        } finally {
            open.leave();
        }
    }

    private Iterator<Map.Entry<Object, Object>> sortedEntries(ChanDict d) {
        List<Map.Entry<Object, Object>> list = new ArrayList<>(d.entries());
        // Keys are immutable, so no cycle runs through them: a fresh comparison per key is safe.
        list.sort(Map.Entry.comparingByKey(ValueOrder.INSTANCE));
        return list.iterator();
    }
}
