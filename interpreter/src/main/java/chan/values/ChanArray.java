package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * An array {@code array(8, 0)}: mutable, fixed size, for fast thread-local work ({@code a[i] = v}).
 * Displays as {@code array[0, 0, 0]}: the prefix keeps it apart from a list in output, since the two
 * behave differently ({@code a[i] = v} works only on arrays).
 *
 * <p>Invariants: thread-confined, hence no locking. It never crosses a thread: {@link Copying} copies
 * it on send and on capture by {@code start}. It cannot be a map or dict key ({@link Keys}).
 * {@code hashCode} depends only on the size, which never changes, so it is stable under mutation and
 * terminates on an array that contains itself, while staying consistent with the structural equals.
 */
public final class ChanArray {
    private final Object[] items;

    /** An array of {@code size} slots, each holding {@code fill} (the same instance in every slot). */
    public ChanArray(int size, Object fill) {
        this.items = new Object[size];
        Arrays.fill(items, fill);
    }

    private ChanArray(Object[] items) {
        this.items = items;
    }

    /** An array holding a copy of {@code values}. */
    public static ChanArray of(Object... values) {
        return new ChanArray(values.clone());
    }

    public int size() {
        return items.length;
    }

    /** Element {@code i}; throws "index 5 out of range for array of length 3". */
    public Object get(int i) {
        if (i < 0 || i >= items.length) {
            throw Index.outOfRange(i, items.length, "array");
        }
        return items[i];
    }

    /** The guest {@code a[i] = v}; throws if {@code i} is out of range. */
    public void set(int i, Object v) {
        if (i < 0 || i >= items.length) {
            throw Index.outOfRange(i, items.length, "array");
        }
        items[i] = v;
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) as a new array; bounds pre-checked. */
    public ChanArray slice(int from, int to) {
        return new ChanArray(Arrays.copyOfRange(items, from, to));
    }

    /** A snapshot of the elements as an immutable list. */
    @TruffleBoundary
    public ChanList toList() {
        return ChanList.of(items);
    }

    /** A snapshot of the elements. */
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanArray && Equality.same(this, o);
    }

    @Override
    public int hashCode() {
        return items.length * 31 + 0x6172;
    }

    @Override
    public String toString() {
        return Display.repr(this);
    }
}
