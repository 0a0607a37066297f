package chan.values;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.nodes.ExplodeLoop;

/**
 * A type annotation (`a: int`, `-> Point`) as checked at run time: a name `type(v)` gives, `any`,
 * `num` (an int or a float), or the name of a struct, together with the struct types that name
 * denotes where the annotation is written. A struct type is its declaration (ChanStructType: its
 * name and fields), so `p: Point` takes this module's Point, or an imported module's when this one
 * declares none, and never another module's `struct Point { z }`, which only shares the name.
 */
public final class TypeAnnotation {
    private final String name;
    @CompilationFinal(dimensions = 1) private final ChanStructType[] structs;

    public TypeAnnotation(String name, ChanStructType[] structs) {
        this.name = name;
        this.structs = structs.clone();
    }

    /** The annotation as written: `int`, `Point`. */
    public String name() {
        return name;
    }

    /** The first struct type the name denotes, or null if it denotes none. */
    public ChanStructType struct() {
        return structs.length == 0 ? null : structs[0];
    }

    public boolean matches(Object value) {
        switch (name) {
            case "any":
                return true;
            case "num":
                return value instanceof Long || value instanceof Double || value instanceof java.math.BigInteger;
            default:
                if (value instanceof ChanStruct s && denotes(s.type())) {
                    return true;
                }
                return name.equals(Types.name(value));
        }
    }

    @ExplodeLoop
    private boolean denotes(ChanStructType type) {
        for (ChanStructType t : structs) {
            if (t == type || t.equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
