package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Iterator;
import java.util.Map;

/**
 * The two equalities of the language.
 * <ul>
 * <li>{@link #equal}: the guest {@code ==}. Structural for every value of this package, arrays and
 * dicts included; an int equals a float of the same mathematical value ({@code 1 == 1.0}, as in
 * Erlang's {@code ==}); floats follow IEEE ({@code nan != nan}, {@code -0.0 == 0.0}), also inside
 * collections. Map keys are matched by map-key equality even here: {@code {1 => :a} != {1.0 => :a}}
 * (Erlang agrees), values by {@code ==}. Other classes (channels, threads, functions) by their
 * {@code equals}, which is identity.
 * <li>{@link #same}: map-key equality, behind every {@code equals} of this package: same type and
 * same contents ({@code 1} and {@code 1.0} differ, {@code -0.0} and {@code 0.0} differ, NaN is
 * same as NaN), consistent with {@link ValueOrder} returning 0.
 * </ul>
 * Structs are equal when their types are equal (by name and field names) and their fields are.
 */
public final class Equality {
    private final boolean numeric;
    private CyclePairs open; // created at the first array or dict, which are the only cycle makers

    private Equality(boolean numeric) {
        this.numeric = numeric;
    }

    /** The guest {@code a == b}. */
    @TruffleBoundary
    public static boolean equal(Object a, Object b) {
        return new Equality(true).eq(a, b);
    }

    /** Map-key equality. */
    @TruffleBoundary
    public static boolean same(Object a, Object b) {
        return a == b || new Equality(false).eq(a, b);
    }

    private boolean eq(Object a, Object b) {
        if (Numbers.isNumber(a)) {
            if (!Numbers.isNumber(b)) {
                return false;
            }
            if (!numeric) {
                return a.equals(b); // the representation is canonical (Numbers), so equals is exact
            }
            return !Numbers.isNaN(a) && !Numbers.isNaN(b) && Numbers.compare(a, b) == 0;
        }
        if (!numeric && a == b) {
            return true;
        }
        if (a instanceof ChanTuple x) {
            return b instanceof ChanTuple y && x.size() == y.size() && elements(x.toArray(), y.toArray());
        } else if (a instanceof ChanList x) {
            return b instanceof ChanList y && x.size() == y.size() && sequences(x.iterator(), y.iterator());
        } else if (a instanceof ChanMap x) {
            return b instanceof ChanMap y && x.size() == y.size() && maps(x, y);
        } else if (a instanceof ChanStruct x) {
            return b instanceof ChanStruct y && x.type().equals(y.type()) && structs(x, y);
        } else if (a instanceof ChanArray x) {
            return b instanceof ChanArray y && x.size() == y.size() && arrays(x, y);
        } else if (a instanceof ChanDict x) {
            return b instanceof ChanDict y && x.size() == y.size() && dicts(x, y);
        }
        return a.equals(b); // strings, bools, nil, atoms (interned), and identity objects
    }

    private boolean elements(Object[] xs, Object[] ys) {
        for (int i = 0; i < xs.length; i++) {
            if (!eq(xs[i], ys[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean sequences(Iterator<Object> xs, Iterator<Object> ys) {
        while (xs.hasNext()) {
            if (!eq(xs.next(), ys.next())) {
                return false;
            }
        }
        return true;
    }

    private boolean maps(ChanMap x, ChanMap y) {
        // Both iterate in ValueOrder, so equal maps line up entry by entry.
        Iterator<Map.Entry<Object, Object>> ys = y.iterator();
        for (Map.Entry<Object, Object> e : x) {
            Map.Entry<Object, Object> f = ys.next();
            if (!same(e.getKey(), f.getKey()) || !eq(e.getValue(), f.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean structs(ChanStruct x, ChanStruct y) {
        for (int i = 0; i < x.type().fieldCount(); i++) {
            if (!eq(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean arrays(ChanArray x, ChanArray y) {
        if (!enter(x, y)) {
            return true;
        }
        try {
            return elements(x.toArray(), y.toArray());
        } finally {
            open.leave();
        }
    }

    private boolean dicts(ChanDict x, ChanDict y) {
        if (!enter(x, y)) {
            return true;
        }
        try {
            for (Map.Entry<Object, Object> e : x.entries()) {
                if (!y.containsKey(e.getKey()) || !eq(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        } finally {
            open.leave();
        }
    }

    private boolean enter(Object x, Object y) {
        if (open == null) {
            open = new CyclePairs();
        }
        return open.enter(x, y);
    }
}
