package chan.nodes.ops;

import chan.ChanException;
import chan.builtins.Builtins;
import chan.values.ChanArray;
import chan.values.ChanError;
import chan.values.UncheckedArrays;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `a[i] = v` on an array or a dict, the only mutable collections. */
@OperationProxy.Proxyable
@NodeInfo(shortName = "[]=")
public abstract class SetIndexNode extends Node {
    public abstract void execute(Object target, Object index, Object value);

    @Specialization(guards = {"array.isLongs()", "inBounds(i, array.longs().length)"})
    public static void doLongIntoLongs(ChanArray array, long i, long value) {
        UncheckedArrays.set(array.longs(), i, value);
    }

    @Specialization(guards = {"array.isDoubles()", "inBounds(i, array.doubles().length)"})
    public static void doDoubleIntoDoubles(ChanArray array, long i, double value) {
        UncheckedArrays.set(array.doubles(), i, value);
    }

    @Specialization(guards = {"array.isBooleans()", "inBounds(i, array.booleans().length)"})
    public static void doBooleanIntoBooleans(ChanArray array, long i, boolean value) {
        UncheckedArrays.set(array.booleans(), i, value);
    }

    /** An int into a small array of objects kept inline ({@link ChanArray#INLINE}): an int slot, as below. */
    @Specialization(guards = {"array.hasInlineSlot(i)", "array.hasInts()"})
    public static void doLongIntoInlineIntSlot(ChanArray array, long i, long value) {
        if (array.inlineSlot(i) != null) { // tested, not stored: after `self[K]` read it, the test folds
            array.setInlineSlot(i, null);
        }
        UncheckedArrays.set(array.ints(), i, value);
    }

    /** The first int into a small array of objects kept inline: allocates its {@code long[]} of int slots. */
    @Specialization(guards = {"array.hasInlineSlot(i)", "!array.hasInts()"})
    public static void doFirstLongIntoInline(ChanArray array, long i, long value) {
        long[] ints = array.startInts();
        array.setInlineSlot(i, null);
        ints[(int) i] = value;
    }

    /**
     * Any other value into a small array of objects kept inline: a field store, with no array-store
     * check (so no class check of the storage either).
     */
    @Specialization(guards = {"array.hasInlineSlot(i)", "!isInt(value)"})
    public static void doIntoInline(ChanArray array, long i, Object value) {
        array.setInlineSlot(i, value);
    }

    /**
     * An int into an array of objects: kept unboxed in an int slot (see {@link ChanArray}), so that
     * {@code self[COUNT] += 1} allocates no {@code Long}.
     */
    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "array.hasInts()"})
    public static void doLongIntoIntSlot(ChanArray array, long i, long value) {
        Object[] objects = array.objects();
        if (UncheckedArrays.get(objects, i) != null) { // tested, not stored: after `self[K]` read it, the test folds
            UncheckedArrays.set(objects, i, null);
        }
        UncheckedArrays.set(array.ints(), i, value);
    }

    /**
     * The first int into an array of objects: allocates the array's {@code long[]} of int slots (its
     * null slots, nil until now, become {@code NIL}: see {@link ChanArray#startInts}).
     */
    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "!array.hasInts()"})
    public static void doFirstLongIntoObjects(ChanArray array, long i, long value) {
        long[] ints = array.startInts();
        array.objects()[(int) i] = null;
        ints[(int) i] = value;
    }

    /** Any other value into an array of objects (an int never: it goes to an int slot, above). */
    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "!isInt(value)"})
    public static void doIntoObjects(ChanArray array, long i, Object value) {
        UncheckedArrays.set(array.objects(), i, value); // no array-store check either: the storage is exactly Object[]
    }

    /** A value the primitive storage cannot hold: generalizes the array to objects (once per array). */
    @Specialization(guards = "inBounds(i, array.size())")
    public static void doArray(ChanArray array, long i, Object value) {
        array.set((int) i, value);
    }

    /** For the guards (DSL expressions resolve only this class's statics); see {@link ChanArray#inBounds}. */
    public static boolean inBounds(long i, int length) {
        return ChanArray.inBounds(i, length);
    }

    /** For the guards: a boxed int, which an object slot never holds. */
    public static boolean isInt(Object value) {
        return value instanceof Long;
    }

    @Fallback
    @TruffleBoundary
    public static void doGeneric(Object target, Object index, Object value, @Bind Node node) {
        try {
            Builtins.setIndex(target, index, value);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
