package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * A tuple {@code (1, :a)}: fixed size, immutable. Displays as {@code (1, :a)}, {@code (x,)} for one
 * element, {@code ()} for none.
 *
 * <p>Invariants: the element array is owned by the tuple and never written after construction (the
 * constructor does not copy it: callers hand over a fresh array). {@link #containsMutable} is computed
 * once, here, so {@link Copying} can decide in O(1).
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanTuple implements TruffleObject {
    public static final ChanTuple EMPTY = new ChanTuple();

    @CompilationFinal(dimensions = 1) private final Object[] elements;
    private final boolean containsMutable;
    private int hash; // 0 = not computed yet; racy but idempotent, like String.hash

    /** A tuple of these elements; the array is taken over, not copied. */
    public ChanTuple(Object... elements) {
        this.elements = elements;
        this.containsMutable = anyMutable(elements);
    }

    static boolean anyMutable(Object[] values) {
        for (Object v : values) {
            if (Copying.hasMutable(v)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return elements.length;
    }

    /** Element {@code i}; throws "index 3 out of range for tuple of length 2". */
    public Object get(int i) {
        if (i < 0 || i >= elements.length) {
            throw Index.outOfRange(i, elements.length, "tuple");
        }
        return elements[i];
    }

    /** A copy of the elements (the tuple's own array is never exposed). */
    public Object[] toArray() {
        return elements.clone();
    }

    public boolean containsMutable() {
        return containsMutable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanTuple && Equality.same(this, o);
    }

    @Override
    @TruffleBoundary
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(elements) * 31 + 0x7475;
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
