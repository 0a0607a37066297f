package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.Arrays;

/**
 * The type of a struct, from a declaration {@code struct Point { x, y }}: a name and ordered fields.
 *
 * <p>Equality is structural (same name, same field names in the same order), not identity: a struct
 * value sent to another thread or built by another module from the same declaration text must still
 * be the same type, and {@link ValueOrder} (which orders structs by name and fields) must agree with
 * {@code equals}. The field array is never exposed or modified after construction.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanStructType implements TruffleObject {
    private final String name;
    private final String[] fieldNames;
    /** Which of StructClasses' classes is this type's own, or -1: its values are StructClasses.Shared. */
    private final int ownClassIndex;
    /**
     * That class, or null: derived from the index, but kept in a final field of its own so that a
     * compiled guard on a constant type reads it as a constant (an element of StructClasses' table
     * would not fold), while the index serves the switch that makes the values.
     */
    private final Class<? extends ChanStruct> ownClass;
    /** `Point{x, y}`: the type as a type annotation that names it checks it (CheckTypeNode). */
    private final String signature;

    /** A type whose values share a class with other types' (StructClasses.Shared). */
    public ChanStructType(String name, String[] fieldNames) {
        this(name, fieldNames, -1);
    }

    /**
     * A type given class {@code ownClassIndex} of StructClasses (-1 for none), which no other type
     * whose values can meet this one's may be given.
     */
    public ChanStructType(String name, String[] fieldNames, int ownClassIndex) {
        this.name = name;
        this.fieldNames = fieldNames.clone();
        this.ownClassIndex = ownClassIndex;
        this.ownClass = StructClasses.ownClass(ownClassIndex);
        this.signature = (name + "{" + String.join(", ", fieldNames) + "}").intern();
    }

    public String name() {
        return name;
    }

    /** The name and the fields, `Point{x, y}`, which tell this type from another of the same name. */
    public String signature() {
        return signature;
    }

    int ownClassIndex() {
        return ownClassIndex;
    }

    /** The Java class of exactly this type's values, or null if they share theirs with other types. */
    public Class<? extends ChanStruct> ownClass() {
        return ownClass;
    }

    public int fieldCount() {
        return fieldNames.length;
    }

    public String fieldName(int i) {
        return fieldNames[i];
    }

    /** A copy of the field names, in declaration order. */
    public String[] fieldNames() {
        return fieldNames.clone();
    }

    /** The position of field {@code field}, or -1 if the struct has no such field. */
    public int fieldIndex(String field) {
        // Linear: structs have a handful of fields, and the interpreter caches the index per site.
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChanStructType t && (t == this
                        || (t.name.equals(name) && Arrays.equals(t.fieldNames, fieldNames)));
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(fieldNames);
    }

    @Override
    public String toString() {
        return name;
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
}
