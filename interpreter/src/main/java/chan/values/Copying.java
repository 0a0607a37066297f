package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Shared-nothing enforcement: the copy a value gets when it crosses a thread boundary (sent on a
 * channel, captured by {@code start}).
 *
 * <p>Invariants: immutable values are shared freely, so a value from which no array or dict is
 * reachable is returned as the same instance, decided in O(1) from the flags tuples, lists, maps and
 * structs compute when they are built. Otherwise every reachable array and dict is copied, and the
 * immutable containers on the way to them are rebuilt around the copies. One copy is made per
 * original container, so aliasing and cycles inside the transferred value are preserved.
 */
public final class Copying {
    private Copying() {
    }

    /** Whether any array or dict is reachable from {@code v}; O(1). */
    public static boolean hasMutable(Object v) {
        if (v instanceof Long || v instanceof ChanAtom || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return false; // the common messages, decided before the interface check below
        } else if (v instanceof ChanTuple t) {
            return t.containsMutable();
        } else if (v instanceof ChanList l) {
            return l.containsMutable();
        } else if (v instanceof ChanMap m) {
            return m.containsMutable();
        } else if (v instanceof ChanStruct s) {
            return s.containsMutable();
        } else if (v instanceof ChanArray || v instanceof ChanDict) {
            return true;
        } else if (v instanceof Transferable t) {
            return t.containsMutable();
        }
        return false;
    }

    /** {@code v} itself if nothing mutable is reachable, else a deep copy of its mutable parts. */
    public static Object copyForTransfer(Object v) {
        return hasMutable(v) ? new Copier().copy(v) : v;
    }

    /** One transfer in progress: remembers the copy of each array and dict it has met. */
    public static final class Copier {
        private final Map<Object, Object> copies = new IdentityHashMap<>();

        Copier() {
        }

        /** The transferred form of {@code v}; see {@link Copying}. */
        @TruffleBoundary
        public Object copy(Object v) {
            if (!hasMutable(v)) {
                return v;
            }
            Object done = copies.get(v);
            if (done != null) {
                return done;
            }
            if (v instanceof ChanArray a) {
                if (!a.isObjects()) {
                    ChanArray fresh = a.shallowCopy(); // ints, floats or bools: nothing inside to copy
                    copies.put(a, fresh);
                    return fresh;
                }
                ChanArray fresh = new ChanArray(a.size(), ChanNil.NIL);
                copies.put(a, fresh); // before the elements, so a cycle back to `a` finds `fresh`
                for (int i = 0; i < a.size(); i++) {
                    fresh.set(i, copy(a.get(i)));
                }
                return fresh;
            } else if (v instanceof ChanDict d) {
                ChanDict fresh = new ChanDict();
                copies.put(d, fresh);
                for (Map.Entry<Object, Object> e : d.entries()) {
                    fresh.put(e.getKey(), copy(e.getValue())); // keys are immutable (Keys)
                }
                return fresh;
            }
            return rebuild(v);
        }

        private Object rebuild(Object v) {
            if (v instanceof ChanTuple t) {
                Object[] items = new Object[t.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = copy(t.get(i));
                }
                return new ChanTuple(items);
            } else if (v instanceof ChanList l) {
                Object[] items = l.toArray();
                for (int i = 0; i < items.length; i++) {
                    items[i] = copy(items[i]);
                }
                return ChanList.of(items);
            } else if (v instanceof ChanMap m) {
                ChanMap result = m;
                for (Map.Entry<Object, Object> e : m) {
                    if (hasMutable(e.getValue())) {
                        result = result.put(e.getKey(), copy(e.getValue()));
                    }
                }
                return result;
            } else if (v instanceof ChanStruct s) {
                Object[] values = new Object[s.type().fieldCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = copy(s.get(i));
                }
                return ChanStruct.of(s.type(), values);
            }
            return ((Transferable) v).copyForTransfer(this);
        }
    }
}
