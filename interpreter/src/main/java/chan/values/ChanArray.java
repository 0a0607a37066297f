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
 * it specialize again.
 *
 * <p>Int slots: an {@code Object[]} storage keeps ints unboxed too, in a companion {@code long[]}
 * ({@link #ints}, allocated by the first int stored): a slot whose object is Java {@code null} (never
 * a guest value: nil is {@link ChanNil#NIL}) holds the int at the same index of {@link #ints}, and an
 * object slot never holds a {@code Long}. So the arrays used as mutable records ({@code self[COUNT] +=
 * 1} beside {@code self[V]}, a disk's {@code [size, next]}) store an int without allocating a box, and
 * a {@code []} site that meets only int slots reads a {@code long} with no class check. Generalizing
 * ints keeps them where they are: the {@code long[]} becomes the companion, beside an {@code Object[]}
 * of int slots; floats and bools are boxed.
 *
 * <p>The storage kind is invisible to the guest: {@link #get} boxes, and equality, display and
 * copying go through it. The nodes {@code IndexNode}, {@code SetIndexNode} and {@code IterNextNode}
 * read and write the storage directly, guarded on the kind (and, for an {@code Object[]}, on the
 * slot's kind).
 *
 * <p>Invariants: thread-confined, hence no locking. It never crosses a thread: {@link Copying} copies
 * it on send and on capture by {@code start}. It cannot be a map or dict key ({@link Keys}).
 * {@code hashCode} depends only on the size, which never changes, so it is stable under mutation and
 * terminates on an array that contains itself, while staying consistent with the structural equals.
 * With {@code Object[]} storage, {@link #ints} is null or as long as the storage, a null object slot
 * implies a non-null {@link #ints}, and no object slot holds a {@code Long}.
 */
public final class ChanArray {
    /** A {@code long[]}, {@code double[]}, {@code boolean[]} or {@code Object[]} of {@link #size} slots. */
    private Object storage;
    /** With {@code Object[]} storage: the ints of its null slots; null until the first int is stored. */
    private long[] ints;
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

    private ChanArray(Object storage, long[] ints, int size) {
        this.storage = storage;
        this.ints = ints;
        this.size = size;
    }

    /** An array holding {@code values}, in {@code Object[]} storage (ints in int slots). */
    public static ChanArray of(Object... values) {
        ChanArray array = new ChanArray(new Object[values.length], null, values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
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

    /** Whether the {@code Object[]} storage has its companion {@link #ints} (some int was stored). */
    public boolean hasInts() {
        return ints != null;
    }

    /** The companion of the {@code Object[]} storage; only when {@link #hasInts}. */
    public long[] ints() {
        return ints;
    }

    /** Allocates the companion of the {@code Object[]} storage (on its first int) and returns it. */
    public long[] startInts() {
        long[] fresh = new long[size];
        ints = fresh;
        return fresh;
    }

    /** Whether slot {@code i} of the {@code Object[]} storage holds an int (in {@link #ints}). */
    public static boolean isIntSlot(Object[] objects, int i) {
        return objects[i] == null;
    }

    /** Slot {@code i} of the {@code Object[]} storage, an int slot boxed; only when {@link #isObjects}. */
    public Object objectsElement(int i) {
        Object o = objects()[i];
        return o != null ? o : (Object) ints[i];
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
        return objectsElement(i);
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
        } else {
            Object[] objects = s instanceof Object[] o ? o : generalize();
            if (v instanceof Long l) {
                long[] companion = ints != null ? ints : startInts();
                objects[i] = null;
                companion[i] = l;
            } else {
                objects[i] = v;
            }
        }
    }

    /**
     * Switches to {@code Object[]} storage and returns it; irreversible. Ints stay unboxed: a
     * {@code long[]} becomes the companion of an {@code Object[]} of int slots. Floats and bools are boxed.
     */
    @TruffleBoundary
    private Object[] generalize() {
        Object s = storage;
        Object[] objects;
        if (s instanceof long[] longs) {
            objects = new Object[size];
            ints = longs;
        } else {
            objects = toArray();
        }
        storage = objects;
        return objects;
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) as a new array; bounds pre-checked. */
    public ChanArray slice(int from, int to) {
        Object s = storage;
        Object part;
        long[] partInts = ints == null ? null : Arrays.copyOfRange(ints, from, to);
        if (s instanceof long[] longs) {
            part = Arrays.copyOfRange(longs, from, to);
        } else if (s instanceof double[] doubles) {
            part = Arrays.copyOfRange(doubles, from, to);
        } else if (s instanceof boolean[] booleans) {
            part = Arrays.copyOfRange(booleans, from, to);
        } else {
            part = Arrays.copyOfRange((Object[]) s, from, to);
        }
        return new ChanArray(part, partInts, to - from);
    }

    /** A copy of this array with the same storage kind (int slots included), its elements not copied. */
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
        if (s instanceof Object[] objects && ints == null) {
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
