package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import io.vavr.collection.Vector;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;

/**
 * A list {@code [1, 2, 3]}: a persistent vector (vavr's {@link Vector}, a trie of 32-way nodes with
 * an offset). Reading an element, {@code push}, replacing an element and dropping a prefix or a suffix
 * each copy one path of at most seven nodes, so they cost O(log32 n); a list made from n values at once
 * costs O(n). Every "update" returns a new list and leaves this one unchanged.
 *
 * <p>Invariant: {@code mutableCount} is the number of elements from which an array or dict is
 * reachable, kept exact by every operation in O(1) (push adds, set swaps, concat sums), so
 * {@link Copying} can skip lists with nothing mutable inside without walking them.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanList implements TruffleObject, Iterable<Object> {
    public static final ChanList EMPTY = new ChanList(Vector.empty(), 0);

    private final Vector<Object> items;
    private final int mutableCount;
    private int hash; // 0 = not computed yet

    private ChanList(Vector<Object> items, int mutableCount) {
        this.items = items;
        this.mutableCount = mutableCount;
    }

    /**
     * A list of {@code values}, copied: the vector would keep a short array itself as its only
     * node, and the caller's array (the program's arguments, say) must not become part of a list.
     */
    public static ChanList of(Object... values) {
        return from(Arrays.copyOf(values, values.length, Object[].class));
    }

    @TruffleBoundary
    public static ChanList from(Collection<?> values) {
        return from(values.toArray(new Object[0]));
    }

    /** A list that owns {@code values} from now on: nobody may write to the array afterwards. */
    @TruffleBoundary
    private static ChanList from(Object[] values) {
        int mutable = 0;
        for (Object v : values) {
            mutable += Copying.hasMutable(v) ? 1 : 0;
        }
        return values.length == 0 ? EMPTY : new ChanList(Vector.of(values), mutable);
    }

    public int size() {
        return items.size();
    }

    /** Element {@code i}; throws "index 5 out of range for list of length 3". */
    @TruffleBoundary
    public Object get(int i) {
        if (i < 0 || i >= items.size()) {
            throw Index.outOfRange(i, items.size(), "list");
        }
        return items.get(i);
    }

    /** A new list with {@code v} appended. */
    @TruffleBoundary
    public ChanList push(Object v) {
        return new ChanList(items.append(v), mutableCount + (Copying.hasMutable(v) ? 1 : 0));
    }

    /** A new list: this one followed by {@code other} (the guest {@code xs + ys}). */
    @TruffleBoundary
    public ChanList concat(ChanList other) {
        if (other.size() == 0) {
            return this;
        }
        if (size() == 0) {
            return other;
        }
        // The shorter list is the one copied in: `[x] + xs` costs what `push(xs, x)` does, not len(xs).
        Vector<Object> joined = size() < other.size() ? other.items.prependAll(items) : items.appendAll(other.items);
        return new ChanList(joined, mutableCount + other.mutableCount);
    }

    /** A new list with element {@code i} replaced; throws if {@code i} is out of range. */
    @TruffleBoundary
    public ChanList set(int i, Object v) {
        Object old = get(i);
        int count = mutableCount - (Copying.hasMutable(old) ? 1 : 0) + (Copying.hasMutable(v) ? 1 : 0);
        return new ChanList(items.update(i, v), count);
    }

    /**
     * Elements {@code from} (inclusive) to {@code to} (exclusive); bounds already checked. The vector
     * drops the prefix and the suffix by copying the two paths at the cut, so a list's tail
     * ({@code [h, ...t]}) costs O(log32 n), not a copy of the rest.
     */
    @TruffleBoundary
    public ChanList slice(int from, int to) {
        Vector<Object> part = items.slice(from, to);
        if (mutableCount == 0) {
            return new ChanList(part, 0);
        }
        // Count the mutable elements on the shorter side of the cut, so that a tail costs O(1) more.
        int outside = from + (size() - to);
        int mutable;
        if (outside < part.size()) {
            mutable = mutableCount - countMutable(items, 0, from) - countMutable(items, to, size());
        } else {
            mutable = countMutable(part, 0, part.size());
        }
        return new ChanList(part, mutable);
    }

    private static int countMutable(Vector<Object> values, int from, int to) {
        int mutable = 0;
        for (int i = from; i < to; i++) {
            mutable += Copying.hasMutable(values.get(i)) ? 1 : 0;
        }
        return mutable;
    }

    public boolean containsMutable() {
        return mutableCount > 0;
    }

    @TruffleBoundary
    public Object[] toArray() {
        return items.toJavaArray();
    }

    @Override
    @TruffleBoundary
    public Iterator<Object> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanList && Equality.same(this, o);
    }

    @Override
    @TruffleBoundary
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1; // java.util.List's hash of the elements, as before vavr
            for (Object v : items) {
                h = 31 * h + v.hashCode();
            }
            h = h * 31 + 0x6c69;
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

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return size();
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < size();
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!isArrayElementReadable(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return get((int) index);
    }
}
