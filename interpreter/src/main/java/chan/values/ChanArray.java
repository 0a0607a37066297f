package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
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
 * ({@link #ints}, allocated by the first int stored): once it exists, a slot whose object is Java
 * {@code null} (never a guest value: nil is {@link ChanNil#NIL}) holds the int at the same index of
 * {@link #ints}, and an object slot never holds a {@code Long}. So the arrays used as mutable records
 * ({@code self[COUNT] += 1} beside {@code self[V]}, a disk's {@code [size, next]}) store an int without
 * allocating a box, and a {@code []} site that meets only int slots reads a {@code long} with no class
 * check. Generalizing ints keeps them where they are: the {@code long[]} becomes the companion, beside
 * an {@code Object[]} of int slots; floats and bools are boxed.
 *
 * <p>Nil slots: before that first int, a {@code null} slot is nil. So {@code array(n)} is a fresh,
 * zeroed {@code Object[]}, as Java's {@code new Object[n]}: filling it with {@code NIL} took a store
 * with the garbage collector's write barrier per slot (NIL lives in an old region, the new array in a
 * young one), most of what building the Storage benchmark's tree of arrays cost. The first int stored
 * turns the array's null slots into {@code NIL} ({@link #startInts}), once. A read of an object slot
 * is then exactly what it was ({@code o != null}: an object); only a site that meets a null slot of
 * an array without ints (nil) learns a second case, and an int slot's read tests {@link #ints}, which
 * it loads anyway.
 *
 * <p>Inline slots: an array of objects of at most {@link #INLINE} (two) elements keeps its slots in
 * fields of its own ({@link #slot0}, {@link #slot1}; {@link #objects} is then the marker
 * {@link #INLINE_2}, or its like for fewer), with the same meaning as {@code Object[]} slots (null: an int slot in
 * {@link #ints}, or nil before the first int). These are the mutable records of the benchmarks (a
 * disk's {@code [size, next]}, a benchmark's {@code [piles, moves_done]}): {@code disk[NEXT]} with a
 * constant index is one field load of the array, where an {@code Object[]} slot is the load of the
 * storage and then of the element, one more level in every chain of records. Two, not more: a slot
 * read with an index that is not a constant (Towers' {@code piles[pile]}, three slots) is a test per
 * slot, slower than an array load, and every field costs 4 bytes in every array.
 *
 * <p>The storage kind is invisible to the guest: {@link #get} boxes, and equality, display and
 * copying go through it. The nodes {@code IndexNode}, {@code SetIndexNode} and {@code IterNextNode}
 * read and write the storage directly, guarded on the kind (and, for an {@code Object[]}, on the
 * slot's kind).
 *
 * <p>One field per storage kind ({@link #longs}, {@link #doubles}, {@link #booleans}, {@link #objects}),
 * exactly one of them non-null, rather than one {@code Object} field: a node's guard on the kind is
 * then a null test of a field ({@code array.longs != null}), which the compiler folds into the
 * array-length load that the bounds check makes anyway (an implicit null check, where a failing
 * guard deoptimizes), instead of loading the storage's class word and comparing it. The three
 * extra fields cost 8 bytes an array with compact object headers (32 bytes instead of 24; with the
 * two inline slots, 40).
 *
 * <p>Invariants: thread-confined, hence no locking. It never crosses a thread: {@link Copying} copies
 * it on send and on capture by {@code start}. It cannot be a map or dict key ({@link Keys}).
 * {@code hashCode} depends only on the size, which never changes, so it is stable under mutation and
 * terminates on an array that contains itself, while staying consistent with the structural equals.
 * With {@code Object[]} storage, {@link #ints} is null (a null slot is nil) or as long as the storage
 * (a null slot is an int slot), and no object slot holds a {@code Long}.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanArray implements TruffleObject {
    /** The storage of ints, or null: exactly one of the four storage fields is non-null, {@link #size} long. */
    private long[] longs;
    /** The storage of floats, or null. */
    private double[] doubles;
    /** The storage of bools, or null. */
    private boolean[] booleans;
    /** The storage of anything else, or null; its class is exactly {@code Object[]}, never a subtype. */
    private Object[] objects;
    /** With {@code Object[]} storage: the ints of its null slots; null until the first int is stored. */
    private long[] ints;
    /** Slots 0 and 1 of an array of objects of at most {@link #INLINE} elements (its {@link #objects} is one of the markers {@link #INLINE_0} ... {@link #INLINE_2}). */
    private Object slot0;
    private Object slot1;
    private final int size;

    /**
     * Arrays of objects up to this size keep their slots in fields of their own ({@link #slot0},
     * {@link #slot1}); the markers and {@link #hasInlineSlot} are written for two.
     */
    public static final int INLINE = 2;

    /**
     * The {@link #objects} of an array whose slots are inline, one for each size up to {@link #INLINE}:
     * never read or written, their length 0 fails every bounds guard of an {@code Object[]} access, so
     * a node's {@code Object[]} cases never take such an array. Which one it is tells the array's size,
     * so that a node's guard on an inline slot is one compare ({@link #hasInlineSlot}).
     */
    private static final Object[] INLINE_0 = new Object[0];
    private static final Object[] INLINE_1 = new Object[0];
    private static final Object[] INLINE_2 = new Object[0];

    /** An array of {@code size} slots, each holding {@code fill} (the same instance in every slot). */
    public ChanArray(int size, Object fill) {
        this.size = size;
        if (fill instanceof Long l) {
            longs = new long[size];
            ArrayFill.fill(longs, l);
        } else if (fill instanceof Double d) {
            doubles = new double[size];
            ArrayFill.fill(doubles, d);
        } else if (fill instanceof Boolean b) {
            booleans = new boolean[size];
            ArrayFill.fill(booleans, b);
        } else {
            objects = slotStorage(size);
            if (fill == ChanNil.NIL) {
                return; // a null slot is nil already (no ints yet)
            }
            if (isInline()) {
                for (int i = 0; i < size; i++) {
                    setInlineSlot(i, fill);
                }
            } else {
                Arrays.fill(objects, fill);
            }
        }
    }

    /** An array over the given storage: exactly one of the four non-null; {@code ints} only beside objects. */
    private ChanArray(long[] longs, double[] doubles, boolean[] booleans, Object[] objects, long[] ints, int size) {
        this.longs = longs;
        this.doubles = doubles;
        this.booleans = booleans;
        this.objects = objects;
        this.ints = ints;
        this.size = size;
    }

    /** The {@link #objects} of an array of objects of {@code size} slots: the inline marker up to {@link #INLINE}. */
    private static Object[] slotStorage(int size) {
        if (size > INLINE) {
            return new Object[size];
        }
        return size == 2 ? INLINE_2 : size == 1 ? INLINE_1 : INLINE_0;
    }

    /** An array of objects of {@code size} null slots (nil, no ints yet). */
    private static ChanArray ofSlots(int size) {
        return new ChanArray(null, null, null, slotStorage(size), null, size);
    }

    /** An array holding {@code values}, in {@code Object[]} storage (ints in int slots). */
    public static ChanArray of(Object... values) {
        ChanArray array = ofSlots(values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    public int size() {
        return size;
    }

    public boolean isLongs() {
        return longs != null;
    }

    public boolean isDoubles() {
        return doubles != null;
    }

    public boolean isBooleans() {
        return booleans != null;
    }

    /** Whether this is an array of objects: its slots in {@link #objects} or, up to {@link #INLINE}, inline. */
    public boolean isObjects() {
        return objects != null;
    }

    /** Whether this array of objects keeps its slots inline ({@link #slot0}, {@link #slot1}), not in {@link #objects}. */
    public boolean isInline() {
        return objects != null && size <= INLINE;
    }

    /**
     * Whether this is an array of objects kept inline that has a slot {@code i}. Told by which
     * marker {@link #objects} is, not by {@link #size}: as a node's guard with a constant {@code i}
     * it is one load and one compare with a constant (slot 1: the marker of two slots; slot 0: that
     * one first), where testing {@link #isInline} and then the bounds took two of each.
     */
    public boolean hasInlineSlot(long i) {
        Object[] storage = objects;
        return i == 1 ? storage == INLINE_2 : i == 0 && (storage == INLINE_2 || storage == INLINE_1);
    }

    /**
     * Slot {@code i} of an inline array of objects, raw: null is an int slot or nil, as in
     * {@link #objects}. With {@code i} a constant (a record's field, {@code disk[SIZE]}) the compiled
     * read is one field load.
     */
    public Object inlineSlot(long i) {
        return i == 0 ? slot0 : slot1;
    }

    /** Stores {@code v} (null: an int slot) into slot {@code i} of an inline array of objects. */
    public void setInlineSlot(long i, Object v) {
        if (i == 0) {
            slot0 = v;
        } else {
            slot1 = v;
        }
    }

    /** Slot {@code i} of an array of objects, raw (null is an int slot or nil), wherever it is kept. */
    public Object slot(int i) {
        return size <= INLINE ? inlineSlot(i) : objects[i];
    }

    /** Stores {@code v} raw into slot {@code i} of an array of objects, wherever it is kept. */
    private void putSlot(int i, Object v) {
        if (size <= INLINE) {
            setInlineSlot(i, v);
        } else {
            objects[i] = v;
        }
    }

    /**
     * Whether {@code i} indexes a storage array of {@code length} slots. The nodes test it against
     * the storage's own length, whose load also tests the storage field for null (the guard on the
     * kind), rather than against {@link #size}, a second load and a second compare. One unsigned
     * compare (a negative int is a huge unsigned one): written {@code i >= 0 && i < length}, the
     * compiled code kept the two compares. It is the only check: the nodes then access the storage
     * through {@link UncheckedArrays}, since the JVM's own check of the 32-bit index, which the
     * compiler could not see was this one again, folded only where the length was a constant.
     */
    public static boolean inBounds(long i, int length) {
        return Long.compareUnsigned(i, length) < 0;
    }

    /** The {@code long[]} storage; only when {@link #isLongs}. */
    public long[] longs() {
        return longs;
    }

    /** The {@code double[]} storage; only when {@link #isDoubles}. */
    public double[] doubles() {
        return doubles;
    }

    /** The {@code boolean[]} storage; only when {@link #isBooleans}. */
    public boolean[] booleans() {
        return booleans;
    }

    /** The {@code Object[]} storage, to read; only when {@link #isObjects} (of length 0 when {@link #isInline}). */
    public Object[] objects() {
        return objects;
    }

    /** Whether the {@code Object[]} storage has its companion {@link #ints} (some int was stored). */
    public boolean hasInts() {
        return ints != null;
    }

    /** The companion of the {@code Object[]} storage; only when {@link #hasInts}. */
    public long[] ints() {
        return ints;
    }

    /**
     * Allocates the companion of the {@code Object[]} storage (on its first int) and returns it. A null
     * slot then means an int slot: the nil slots, null until now, become {@code NIL} first.
     */
    public long[] startInts() {
        for (int i = 0; i < size; i++) {
            if (slot(i) == null) {
                putSlot(i, ChanNil.NIL);
            }
        }
        long[] fresh = new long[size];
        ints = fresh;
        return fresh;
    }

    /**
     * Whether slot {@code i} of the {@code Object[]} storage is null: an int slot (in {@link #ints})
     * if the array {@link #hasInts}, else nil.
     */
    public static boolean isNullSlot(Object[] objects, long i) {
        return UncheckedArrays.get(objects, i) == null; // i is in bounds: the nodes' guards test it first
    }

    /** Slot {@code i} of the {@code Object[]} storage, an int slot boxed; only when {@link #isObjects}. */
    public Object objectsElement(int i) {
        Object o = slot(i);
        if (o != null) {
            return o;
        }
        return ints != null ? (Object) ints[i] : ChanNil.NIL;
    }

    /** Element {@code i}, boxed; throws "index 5 out of range for array of length 3". */
    public Object get(int i) {
        if (i < 0 || i >= size) {
            throw Index.outOfRange(i, size, "array");
        }
        if (longs != null) {
            return longs[i];
        } else if (doubles != null) {
            return doubles[i];
        } else if (booleans != null) {
            return booleans[i];
        }
        return objectsElement(i);
    }

    /** The guest {@code a[i] = v}; throws if {@code i} is out of range; may generalize the storage. */
    public void set(int i, Object v) {
        if (i < 0 || i >= size) {
            throw Index.outOfRange(i, size, "array");
        }
        if (longs != null && v instanceof Long l) {
            longs[i] = l;
        } else if (doubles != null && v instanceof Double d) {
            doubles[i] = d;
        } else if (booleans != null && v instanceof Boolean b) {
            booleans[i] = b;
        } else {
            if (objects == null) {
                generalize();
            }
            if (v instanceof Long l) {
                long[] companion = ints != null ? ints : startInts();
                putSlot(i, null);
                companion[i] = l;
            } else {
                putSlot(i, v);
            }
        }
    }

    /**
     * Switches to {@code Object[]} storage and returns it; irreversible. Ints stay unboxed: a
     * {@code long[]} becomes the companion of an {@code Object[]} of int slots. Floats and bools are boxed.
     */
    @TruffleBoundary
    private void generalize() {
        long[] oldLongs = longs;
        Object[] boxed = oldLongs != null ? null : toArray();
        longs = null; // the old kind's field cleared: exactly one stays non-null
        doubles = null;
        booleans = null;
        objects = slotStorage(size);
        if (oldLongs != null) {
            ints = oldLongs; // every slot null: an int slot
        } else {
            for (int i = 0; i < size; i++) {
                putSlot(i, boxed[i]);
            }
        }
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) as a new array; bounds pre-checked. */
    public ChanArray slice(int from, int to) {
        if (objects == null) {
            return new ChanArray(
                    longs == null ? null : Arrays.copyOfRange(longs, from, to),
                    doubles == null ? null : Arrays.copyOfRange(doubles, from, to),
                    booleans == null ? null : Arrays.copyOfRange(booleans, from, to),
                    null, null, to - from);
        }
        long[] partInts = ints == null ? null : Arrays.copyOfRange(ints, from, to);
        if (!isInline() && to - from > INLINE) {
            return new ChanArray(null, null, null, Arrays.copyOfRange(objects, from, to), partInts, to - from);
        }
        ChanArray part = ofSlots(to - from); // inline or not by its own size
        for (int i = from; i < to; i++) {
            part.putSlot(i - from, slot(i)); // raw: null stays an int slot (or nil, without ints)
        }
        part.ints = partInts;
        return part;
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
