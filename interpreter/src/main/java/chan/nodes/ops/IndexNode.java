package chan.nodes.ops;

import chan.ChanException;
import chan.builtins.Builtins;
import chan.values.ChanArray;
import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import chan.values.UncheckedArrays;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;

/** `x[i]`: an element of a string, tuple, list or array; a value of a map or dict (nil if absent). */
@OperationProxy.Proxyable
@NodeInfo(shortName = "[]")
public abstract class IndexNode extends Node {
    public abstract Object execute(Object t, Object i);

    @Specialization(guards = "inBounds(i, t.size())")
    public static Object doTuple(ChanTuple t, long i) {
        return t.get((int) i);
    }

    @Specialization(guards = "inBounds(i, list.size())")
    public static Object doList(ChanList list, long i) {
        return list.get((int) i);
    }

    @Specialization(guards = {"array.isLongs()", "inBounds(i, array.longs().length)"})
    public static long doLongArray(ChanArray array, long i) {
        return UncheckedArrays.get(array.longs(), i);
    }

    @Specialization(guards = {"array.isDoubles()", "inBounds(i, array.doubles().length)"})
    public static double doDoubleArray(ChanArray array, long i) {
        return UncheckedArrays.get(array.doubles(), i);
    }

    @Specialization(guards = {"array.isBooleans()", "inBounds(i, array.booleans().length)"})
    public static boolean doBooleanArray(ChanArray array, long i) {
        return UncheckedArrays.get(array.booleans(), i);
    }

    /**
     * A slot of a small array of objects kept inline ({@link ChanArray#INLINE}): a record's field
     * ({@code self[PILES]}, {@code disk[NEXT]}) is one field load of the array, where an {@code Object[]}
     * slot is a load of the storage and then of the element.
     */
    @Specialization(guards = {"array.hasInlineSlot(i)", "array.inlineSlot(i) != null"})
    public static Object doInlineObjectSlot(ChanArray array, long i) {
        return array.inlineSlot(i);
    }

    /** An int slot of a small array of objects kept inline: unboxed from the companion {@code long[]}. */
    @Specialization(guards = {"array.hasInlineSlot(i)", "array.inlineSlot(i) == null", "array.hasInts()"})
    public static long doInlineIntSlot(ChanArray array, long i) {
        return UncheckedArrays.get(array.ints(), i);
    }

    /** A null slot of a small array of objects kept inline that holds no ints: nil. */
    @Specialization(guards = {"array.hasInlineSlot(i)", "array.inlineSlot(i) == null", "!array.hasInts()"})
    public static Object doInlineNilSlot(@SuppressWarnings("unused") ChanArray array, @SuppressWarnings("unused") long i) {
        return ChanNil.NIL;
    }

    /**
     * An int slot of an array of objects (a record's counter, {@code self[COUNT]}): read unboxed from
     * the companion {@code long[]}, so the site returns a {@code long}, with no class check.
     */
    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "isNullSlot(array.objects(), i)", "array.hasInts()"})
    public static long doIntSlot(ChanArray array, long i) {
        return UncheckedArrays.get(array.ints(), i);
    }

    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "!isNullSlot(array.objects(), i)"})
    public static Object doObjectSlot(ChanArray array, long i) {
        return UncheckedArrays.get(array.objects(), i);
    }

    /**
     * A null slot of an array of objects that holds no ints: nil ({@code array(n)} allocates no nil
     * fill; see {@link ChanArray}). Only a site that meets one has this case beside the others.
     */
    @Specialization(guards = {"array.isObjects()", "inBounds(i, array.objects().length)", "isNullSlot(array.objects(), i)", "!array.hasInts()"})
    public static Object doNilSlot(@SuppressWarnings("unused") ChanArray array, @SuppressWarnings("unused") long i) {
        return ChanNil.NIL;
    }

    /** For the guards (DSL expressions resolve only this class's statics); see {@link ChanArray#inBounds}. */
    public static boolean inBounds(long i, int length) {
        return ChanArray.inBounds(i, length);
    }

    /** For the guards; see {@link ChanArray#isNullSlot}; {@code i} is in bounds (the guard before). */
    public static boolean isNullSlot(Object[] objects, long i) {
        return ChanArray.isNullSlot(objects, i);
    }

    @Fallback
    @TruffleBoundary
    public static Object doGeneric(Object x, Object i, @Bind Node node) {
        try {
            return Builtins.index(x, i);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
