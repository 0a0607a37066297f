package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * A struct value {@code Point{x: 1, y: 2}}: immutable; {@code r with {x: 0}} makes a changed copy.
 *
 * <p>Invariants: {@code values.length == type.fieldCount()}, values in declaration order; the array
 * is never written after construction. {@link #containsMutable} is computed once, here.
 */
public final class ChanStruct {
    private final ChanStructType type;
    private final Object[] values;
    private final boolean containsMutable;

    /** A struct of {@code type}; the values array is taken over, not copied. */
    public ChanStruct(ChanStructType type, Object[] values) {
        if (values.length != type.fieldCount()) {
            throw wrongArity(type, values.length);
        }
        this.type = type;
        this.values = values;
        this.containsMutable = ChanTuple.anyMutable(values);
    }

    /** An interpreter bug, not a user error: the builder always passes one value per field. */
    @TruffleBoundary
    private static IllegalArgumentException wrongArity(ChanStructType type, int count) {
        return new IllegalArgumentException("struct " + type.name() + " needs " + type.fieldCount()
                        + " values, got " + count);
    }

    public ChanStructType type() {
        return type;
    }

    /** The value of field number {@code i} (declaration order). */
    public Object get(int i) {
        return values[i];
    }

    /** The guest {@code r.name}; throws "struct Point has no field z". */
    @TruffleBoundary
    public Object get(String field) {
        int i = type.fieldIndex(field);
        if (i < 0) {
            throw new ChanError("struct " + type.name() + " has no field " + field);
        }
        return values[i];
    }

    /** The guest {@code r with {...}}: a copy with field {@code indexes[k]} set to {@code newValues[k]}. */
    public ChanStruct with(int[] indexes, Object[] newValues) {
        Object[] copy = values.clone();
        for (int k = 0; k < indexes.length; k++) {
            copy[indexes[k]] = newValues[k];
        }
        return new ChanStruct(type, copy);
    }

    public boolean containsMutable() {
        return containsMutable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanStruct && Equality.same(this, o);
    }

    @Override
    @TruffleBoundary
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Display.repr(this);
    }
}
