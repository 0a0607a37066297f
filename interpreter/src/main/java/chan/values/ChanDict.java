package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A dict {@code dict()}: a mutable map in insertion order, for fast thread-local work
 * ({@code d[k] = v}, {@code d[k]}, {@code keys(d)}). Displays as {@code dict{"a" => 1}}.
 *
 * <p>Invariants: thread-confined, hence no locking; copied by {@link Copying} when it would cross a
 * thread. Keys are immutable ({@link Keys}) and are the values themselves: their {@code equals} and
 * {@code hashCode} are map-key equality, the same rule {@link ChanMap} uses (1 and 1.0 differ).
 * Re-putting an existing key keeps its position; removing and re-adding moves it to the end.
 * {@code hashCode} is a constant, consistent with the structural equals and stable under mutation.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanDict implements TruffleObject {
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    public int size() {
        return entries.size();
    }

    /** The value under {@code key}, or {@code nil} if absent. */
    @TruffleBoundary
    public Object get(Object key) {
        Object v = entries.get(key);
        return v == null ? ChanNil.NIL : v;
    }

    @TruffleBoundary
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** The guest {@code d[k] = v}; throws if the key is mutable. */
    @TruffleBoundary
    public void put(Object key, Object value) {
        entries.put(Keys.requireImmutable(key, "dict"), value);
    }

    /** Removes {@code key}; returns the value it had, or {@code nil}. */
    @TruffleBoundary
    public Object remove(Object key) {
        Object v = entries.remove(key);
        return v == null ? ChanNil.NIL : v;
    }

    /** A snapshot of the keys, in insertion order. */
    @TruffleBoundary
    public ChanList keys() {
        return ChanList.from(entries.keySet());
    }

    /** A snapshot of the values, in insertion order. */
    @TruffleBoundary
    public ChanList values() {
        return ChanList.from(entries.values());
    }

    /** A read-only live view of the entries, in insertion order. */
    public Set<Map.Entry<Object, Object>> entries() {
        return Collections.unmodifiableMap(entries).entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanDict && Equality.same(this, o);
    }

    @Override
    public int hashCode() {
        return 0x64696374;
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
