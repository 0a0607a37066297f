package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.pcollections.TreePVector;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;

/**
 * A list {@code [1, 2, 3]}: a persistent vector (pcollections {@link TreePVector}, O(log n) get,
 * push and set). Every "update" returns a new list and leaves this one unchanged.
 *
 * <p>Invariant: {@code mutableCount} is the number of elements from which an array or dict is
 * reachable, kept exact by every operation in O(1) (push adds, set swaps, concat sums), so
 * {@link Copying} can skip lists with nothing mutable inside without walking them.
 */
public final class ChanList implements Iterable<Object> {
    public static final ChanList EMPTY = new ChanList(TreePVector.empty(), 0);

    private final TreePVector<Object> items;
    private final int mutableCount;
    private int hash; // 0 = not computed yet

    private ChanList(TreePVector<Object> items, int mutableCount) {
        this.items = items;
        this.mutableCount = mutableCount;
    }

    public static ChanList of(Object... values) {
        return from(Arrays.asList(values));
    }

    @TruffleBoundary
    public static ChanList from(Collection<?> values) {
        int mutable = 0;
        for (Object v : values) {
            mutable += Copying.hasMutable(v) ? 1 : 0;
        }
        return new ChanList(TreePVector.from(values), mutable);
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
        return new ChanList(items.plus(v), mutableCount + (Copying.hasMutable(v) ? 1 : 0));
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
        return new ChanList(items.plusAll(other.items), mutableCount + other.mutableCount);
    }

    /** A new list with element {@code i} replaced; throws if {@code i} is out of range. */
    @TruffleBoundary
    public ChanList set(int i, Object v) {
        Object old = get(i);
        int count = mutableCount - (Copying.hasMutable(old) ? 1 : 0) + (Copying.hasMutable(v) ? 1 : 0);
        return new ChanList((TreePVector<Object>) items.with(i, v), count);
    }

    /**
     * Elements {@code from} (inclusive) to {@code to} (exclusive); bounds already checked. pcollections'
     * subList removes the elements outside the range one by one, so a short slice of a long list is
     * built from its own elements instead: the cost follows the smaller of the two parts, not the list.
     */
    @TruffleBoundary
    public ChanList slice(int from, int to) {
        int length = to - from;
        if (length < size() - length) {
            Object[] part = new Object[length];
            for (int i = 0; i < length; i++) {
                part[i] = items.get(from + i);
            }
            return mutableCount == 0 ? new ChanList(TreePVector.from(Arrays.asList(part)), 0) : from(Arrays.asList(part));
        }
        TreePVector<Object> part = items.subList(from, to);
        if (mutableCount == 0) {
            return new ChanList(part, 0);
        }
        return from(part);
    }

    public boolean containsMutable() {
        return mutableCount > 0;
    }

    @TruffleBoundary
    public Object[] toArray() {
        return items.toArray();
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
            h = items.hashCode() * 31 + 0x6c69;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return Display.repr(this);
    }
}
