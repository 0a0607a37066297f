package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.pcollections.TreePMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;

/**
 * A map {@code {"a" => 1, :b => 2}}: persistent, sorted by {@link ValueOrder} (pcollections
 * {@link TreePMap}), so iteration, {@code keys(m)} and display are deterministic in every run.
 *
 * <p>Invariants: keys are immutable ({@link Keys}) and distinct under map-key equality, which is the
 * comparator's equality: 1 and 1.0 are different keys, -0.0 and 0.0 too, NaN is one key. {@code
 * mutableCount} is the exact number of values from which an array or dict is reachable (keys never
 * hold any), maintained in O(1) by put and del.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanMap implements TruffleObject, Iterable<Map.Entry<Object, Object>> {
    public static final ChanMap EMPTY = new ChanMap(TreePMap.empty(ValueOrder.INSTANCE), 0);

    private final TreePMap<Object, Object> entries;
    private final int mutableCount;
    private int hash; // 0 = not computed yet

    private ChanMap(TreePMap<Object, Object> entries, int mutableCount) {
        this.entries = entries;
        this.mutableCount = mutableCount;
    }

    /** A map from alternating keys and values: {@code of("a", 1L, "b", 2L)}; later keys win. */
    public static ChanMap of(Object... keysAndValues) {
        ChanMap m = EMPTY;
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m = m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public int size() {
        return entries.size();
    }

    /** The value under {@code key}, or {@code nil} if absent (the guest {@code m[k]}). */
    @TruffleBoundary
    public Object get(Object key) {
        Object v = entries.get(key);
        return v == null ? ChanNil.NIL : v;
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** A new map with {@code key} bound to {@code value}; throws if the key is mutable. */
    @TruffleBoundary
    public ChanMap put(Object key, Object value) {
        Keys.requireImmutable(key, "map");
        Object old = entries.get(key);
        int count = mutableCount - (old != null && Copying.hasMutable(old) ? 1 : 0)
                        + (Copying.hasMutable(value) ? 1 : 0);
        return new ChanMap(entries.plus(key, value), count);
    }

    /** A new map without {@code key} (this map itself if the key is absent). */
    @TruffleBoundary
    public ChanMap del(Object key) {
        Object old = entries.get(key);
        if (old == null) {
            return this;
        }
        return new ChanMap(entries.minus(key), mutableCount - (Copying.hasMutable(old) ? 1 : 0));
    }

    /** The keys, in order, as a list. */
    @TruffleBoundary
    public ChanList keys() {
        return ChanList.from(entries.keySet());
    }

    /** The values, in key order, as a list. */
    @TruffleBoundary
    public ChanList values() {
        return ChanList.from(new ArrayList<>(entries.values()));
    }

    public boolean containsMutable() {
        return mutableCount > 0;
    }

    /** The entries in key order; read-only. */
    @Override
    @TruffleBoundary
    public Iterator<Map.Entry<Object, Object>> iterator() {
        return entries.entrySet().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanMap && Equality.same(this, o);
    }

    @Override
    @TruffleBoundary
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = entries.hashCode() * 31 + 0x6d61;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return Display.repr(this);
    }

    // ---- interop: how tools and embedders see it (docs/embedding.md) ----

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return ChanLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Display.repr(this);
    }
}
