package chan.values;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * An array {@code array(8, 0)}: mutable, fixed size, for fast thread-local work ({@code a[i] = v}).
 * Displays as {@code array[0, 0, 0]}: the prefix keeps it apart from a list in output, since the two
 * behave differently ({@code a[i] = v} works only on arrays).
 *
 * <p>Storage strategy: the elements live in a primitive Java array matching the fill ({@code long[]}
 * for ints, {@code double[]} for floats, {@code boolean[]} for bools), so a loop over ints or flags
 * neither boxes nor chases pointers; any other fill gets an {@code Object[]}. The first store of a
 * value the primitive array cannot hold (a string into ints, a float into ints, ...) generalizes the
 * storage to {@code Object[]}, once and for good, so a node that saw a generalized array never sees
 * it specialize again. The storage kind is invisible to the guest: {@link #get} boxes, and equality,
 * display and copying go through it. The nodes {@code IndexNode} and {@code SetIndexNode} read and
 * write the primitive arrays directly, guarded on the kind.
 *
 * <p>Invariants: thread-confined, hence no locking. It never crosses a thread: {@link Copying} copies
 * it on send and on capture by {@code start}. It cannot be a map or dict key ({@link Keys}).
 * {@code hashCode} depends only on the size, which never changes, so it is stable under mutation and
 * terminates on an array that contains itself, while staying consistent with the structural equals.
 */
public final class ChanArray {
    /** A {@code long[]}, {@code double[]}, {@code boolean[]} or {@code Object[]} of {@link #size} slots. */
    private Object storage;
    private final int size;

    /** An array of {@code size} slots, each holding {@code fill} (the same instance in every slot). */
    public ChanArray(int size, Object fill) {
        this.size = size;
        if (fill instanceof Long l) {
            long[] longs = new long[size];
            Arrays.fill(longs, l);
            storage = longs;
        } else if (fill instanceof Double d) {
            double[] doubles = new double[size];
            Arrays.fill(doubles, d);
            storage = doubles;
        } else if (fill instanceof Boolean b) {
            boolean[] booleans = new boolean[size];
            Arrays.fill(booleans, b);
            storage = booleans;
        } else {
            Object[] objects = new Object[size];
            Arrays.fill(objects, fill);
            storage = objects;
        }
    }

    private ChanArray(Object storage, int size) {
        this.storage = storage;
        this.size = size;
    }

    /** An array holding a copy of {@code values}, in {@code Object[]} storage. */
    public static ChanArray of(Object... values) {
        return new ChanArray(Arrays.copyOf(values, values.length, Object[].class), values.length);
    }

    public int size() {
        return size;
    }

    public boolean isLongs() {
        return storage instanceof long[];
    }

    public boolean isDoubles() {
        return storage instanceof double[];
    }

    public boolean isBooleans() {
        return storage instanceof boolean[];
    }

    /**
     * An exact class test: the storage is always an {@code Object[]} itself, never a subtype, and
     * {@code instanceof Object[]} would compile to a subtype check that loads the class's supertypes.
     */
    public boolean isObjects() {
        return storage.getClass() == Object[].class;
    }

    /**
     * Whether {@code i} indexes a storage array of {@code length} slots. The nodes test it against
     * the storage's own length, which the JVM's bounds check of the access loads anyway, rather
     * than against {@link #size}, a second load and a second compare.
     */
    public static boolean inBounds(long i, int length) {
        return i >= 0 && i < length;
    }

    /** The {@code long[]} storage; only when {@link #isLongs}. */
    public long[] longs() {
        return CompilerDirectives.castExact(storage, long[].class);
    }

    /** The {@code double[]} storage; only when {@link #isDoubles}. */
    public double[] doubles() {
        return CompilerDirectives.castExact(storage, double[].class);
    }

    /** The {@code boolean[]} storage; only when {@link #isBooleans}. */
    public boolean[] booleans() {
        return CompilerDirectives.castExact(storage, boolean[].class);
    }

    /** The {@code Object[]} storage; only when {@link #isObjects}. */
    public Object[] objects() {
        return CompilerDirectives.castExact(storage, Object[].class);
    }

    /** Element {@code i}, boxed; throws "index 5 out of range for array of length 3". */
    public Object get(int i) {
        if (i < 0 || i >= size) {
            throw Index.outOfRange(i, size, "array");
        }
        Object s = storage;
        if (s instanceof long[] longs) {
            return longs[i];
        } else if (s instanceof double[] doubles) {
            return doubles[i];
        } else if (s instanceof boolean[] booleans) {
            return booleans[i];
        }
        return ((Object[]) s)[i];
    }

    /** The guest {@code a[i] = v}; throws if {@code i} is out of range; may generalize the storage. */
    public void set(int i, Object v) {
        if (i < 0 || i >= size) {
            throw Index.outOfRange(i, size, "array");
        }
        Object s = storage;
        if (s instanceof long[] longs && v instanceof Long l) {
            longs[i] = l;
        } else if (s instanceof double[] doubles && v instanceof Double d) {
            doubles[i] = d;
        } else if (s instanceof boolean[] booleans && v instanceof Boolean b) {
            booleans[i] = b;
        } else if (s instanceof Object[] objects) {
            objects[i] = v;
        } else {
            generalize()[i] = v;
        }
    }

    /** Switches to {@code Object[]} storage (boxing every element) and returns it; irreversible. */
    @TruffleBoundary
    public Object[] generalize() {
        Object[] objects = toArray();
        storage = objects;
        return objects;
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) as a new array; bounds pre-checked. */
    public ChanArray slice(int from, int to) {
        Object s = storage;
        Object part;
        if (s instanceof long[] longs) {
            part = Arrays.copyOfRange(longs, from, to);
        } else if (s instanceof double[] doubles) {
            part = Arrays.copyOfRange(doubles, from, to);
        } else if (s instanceof boolean[] booleans) {
            part = Arrays.copyOfRange(booleans, from, to);
        } else {
            part = Arrays.copyOfRange((Object[]) s, from, to);
        }
        return new ChanArray(part, to - from);
    }

    /** A copy of this array with the same storage kind, its elements not copied (they are immutable when primitive). */
    public ChanArray shallowCopy() {
        return slice(0, size);
    }

    /** A snapshot of the elements as an immutable list. */
    @TruffleBoundary
    public ChanList toList() {
        return ChanList.of(toArray());
    }

    /** A snapshot of the elements, boxed. */
    @TruffleBoundary
    public Object[] toArray() {
        Object s = storage;
        if (s instanceof Object[] objects) {
            return objects.clone();
        }
        Object[] boxed = new Object[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = get(i);
        }
        return boxed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanArray && Equality.same(this, o);
    }

    @Override
    public int hashCode() {
        return size * 31 + 0x6172;
    }

    @Override
    public String toString() {
        return Display.repr(this);
    }
}
