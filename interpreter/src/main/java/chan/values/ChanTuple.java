package chan.values;

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
public final class ChanTuple {
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
}
