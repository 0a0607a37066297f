package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;

/**
 * A struct value {@code Point{x: 1, y: 2}}: immutable; {@code r with {x: 0}} makes a changed copy.
 *
 * <p>Layout: the first {@link #INLINE} fields live in fields of this object, any further ones in
 * {@link #more}. A field read {@code e.next} in compiled code, whose field number is a constant,
 * is then one load from the struct, as in Java, instead of a load of a values array, of its length
 * for the bounds check and of the element: a walk down a linked list ({@code x = x.next}) has one
 * dependent load per step, not three.
 *
 * <p>Each struct is an instance of a subclass that stands for its type where it can
 * ({@link StructClasses}): compiled code then tells a struct's type from its class alone.
 *
 * <p>Invariants: the fields are never written after construction; field {@code i} (declaration
 * order) is {@code f<i>} for {@code i < INLINE}, else {@code more[i - INLINE]}; {@code more} is null
 * when the type has at most {@code INLINE} fields. {@link #containsMutable} is computed once, here.
 */
@ExportLibrary(InteropLibrary.class)
public abstract class ChanStruct implements TruffleObject {
    /** How many fields are held inline. */
    public static final int INLINE = 4;

    private final ChanStructType type;
    private final boolean containsMutable;
    private final Object f0;
    private final Object f1;
    private final Object f2;
    private final Object f3;
    private final Object[] more;

    /** A struct of {@code type} with {@code values} in declaration order (the array is not kept). */
    public static ChanStruct of(ChanStructType type, Object[] values) {
        return of(type, values, ChanTuple.anyMutable(values));
    }

    /** As above, {@code containsMutable} being whether any of {@code values} holds an array or dict. */
    public static ChanStruct of(ChanStructType type, Object[] values, boolean containsMutable) {
        return StructClasses.make(type, values, containsMutable);
    }

    /** Only the classes of {@link StructClasses} extend this one. */
    ChanStruct(ChanStructType type, Object[] values, boolean containsMutable) {
        int n = type.fieldCount();
        if (values.length != n) {
            throw wrongArity(type, values.length);
        }
        this.type = type;
        this.containsMutable = containsMutable;
        this.f0 = n > 0 ? values[0] : null;
        this.f1 = n > 1 ? values[1] : null;
        this.f2 = n > 2 ? values[2] : null;
        this.f3 = n > 3 ? values[3] : null;
        this.more = n > INLINE ? rest(values) : null;
    }

    private static Object[] rest(Object[] values) {
        Object[] rest = new Object[values.length - INLINE];
        System.arraycopy(values, INLINE, rest, 0, rest.length);
        return rest;
    }

    /** An interpreter bug, not a user error: the builder always passes one value per field. */
    @TruffleBoundary
    private static IllegalArgumentException wrongArity(ChanStructType type, int count) {
        return new IllegalArgumentException("struct " + type.name() + " needs " + type.fieldCount()
                        + " values, got " + count);
    }

    public final ChanStructType type() {
        return type;
    }

    /** The value of field number {@code i} (declaration order, {@code 0 <= i < fieldCount}). */
    public final Object get(int i) {
        switch (i) {
            case 0:
                return f0;
            case 1:
                return f1;
            case 2:
                return f2;
            case 3:
                return f3;
            default:
                return more[i - INLINE];
        }
    }

    /** The field values in declaration order, as a new array. */
    public final Object[] values() {
        int n = type.fieldCount();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = get(i);
        }
        return values;
    }

    /** The guest {@code r.name}; throws "struct Point has no field z". */
    @TruffleBoundary
    public final Object get(String field) {
        int i = type.fieldIndex(field);
        if (i < 0) {
            throw new ChanError("struct " + type.name() + " has no field " + field);
        }
        return get(i);
    }

    /** The guest {@code r with {...}}: a copy with field {@code indexes[k]} set to {@code newValues[k]}. */
    public final ChanStruct with(int[] indexes, Object[] newValues) {
        Object[] copy = values();
        for (int k = 0; k < indexes.length; k++) {
            copy[indexes[k]] = newValues[k];
        }
        return of(type, copy);
    }

    public final boolean containsMutable() {
        return containsMutable;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ChanStruct && Equality.same(this, o);
    }

    @Override
    @TruffleBoundary
    public final int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(values()); // as when the values were an array
    }

    @Override
    public final String toString() {
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
    boolean hasMembers() {
        return true;
    }

    /** Its field names, in declaration order (an interop array of strings). */
    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ChanList.of((Object[]) type().fieldNames());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return type().fieldIndex(member) >= 0;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        int i = type().fieldIndex(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        return get(i);
    }
}
