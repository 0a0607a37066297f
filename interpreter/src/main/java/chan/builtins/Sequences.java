package chan.builtins;

import chan.values.ChanArray;
import chan.values.ChanDict;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanTuple;
import chan.values.Equality;
import chan.values.ValueOrder;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The collection built-ins {@code contains sort reverse to_list}: each returns a new immutable value
 * and leaves its argument (even an array or dict) unchanged.
 */
final class Sequences {
    private Sequences() {
    }

    /** A substring; an element (by {@code ==}) of a list, tuple or array; a key of a map or dict. */
    @TruffleBoundary
    static boolean contains(Object x, Object v) {
        if (x instanceof String s) {
            if (v instanceof String part) {
                return s.contains(part);
            }
            throw Args.expected("contains", "a string to look for in a string", v);
        } else if (x instanceof ChanMap m) {
            return m.containsKey(v);
        } else if (x instanceof ChanDict d) {
            return d.containsKey(v);
        } else if (x instanceof ChanList l) {
            return anyEqual(l, v);
        } else if (x instanceof ChanTuple t) {
            return anyEqual(Arrays.asList(t.toArray()), v);
        } else if (x instanceof ChanArray a) {
            return anyEqual(Arrays.asList(a.toArray()), v);
        }
        throw Args.expected("contains", "a string, list, tuple, array, map or dict", x);
    }

    private static boolean anyEqual(Iterable<Object> items, Object v) {
        for (Object item : items) {
            if (Equality.equal(item, v)) {
                return true;
            }
        }
        return false;
    }

    /** A sorted copy, stable, by the total order of values (so mixed types sort too). */
    @TruffleBoundary
    static ChanList sort(Object list) {
        Object[] items = Args.list("sort", list).toArray();
        Arrays.sort(items, ValueOrder.INSTANCE); // a merge sort for objects: stable
        return ChanList.of(items);
    }

    @TruffleBoundary
    static ChanList reverse(Object list) {
        Object[] items = Args.list("reverse", list).toArray();
        for (int i = 0, j = items.length - 1; i < j; i++, j--) {
            Object t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
        return ChanList.of(items);
    }

    /** A list as is; a tuple's or array's elements; a string's characters; a map's or dict's keys. */
    @TruffleBoundary
    static ChanList toList(Object x) {
        if (x instanceof ChanList l) {
            return l;
        } else if (x instanceof ChanTuple t) {
            return ChanList.of(t.toArray());
        } else if (x instanceof ChanArray a) {
            return a.toList();
        } else if (x instanceof ChanMap m) {
            return m.keys();
        } else if (x instanceof ChanDict d) {
            return d.keys();
        } else if (x instanceof String s) {
            ArrayList<Object> chars = new ArrayList<>();
            s.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
            return ChanList.from(chars);
        }
        throw Args.expected("to_list", "a list, tuple, array, string, map or dict", x);
    }
}
