package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guest type of a value: the name used in error messages ("cannot add string and int") and the
 * atom returned by {@code type(v)}.
 *
 * <p>The classes of this package are known here. Functions, channels and threads belong to other
 * packages; their owners call {@link #register} once (e.g. {@code register(ChanChannel.class, "chan")})
 * so that {@code type(c)} is {@code :chan} and messages say "chan". Until a class is registered,
 * {@link #atom} returns null for it (the interpreter decides) and {@link #name} falls back to its
 * lower-cased simple class name without a "Chan" prefix.
 */
public final class Types {
    private static final ConcurrentHashMap<Class<?>, String> REGISTERED = new ConcurrentHashMap<>();

    private Types() {
    }

    /** The names {@link #knownName} gives this package's values. */
    private static final Set<String> BUILT_IN = Set.of("int", "float", "bool", "string", "nil", "atom", "tuple", "list", "map", "struct", "struct_type", "array", "dict");

    /** Whether some value's type has this name: one of this package's, or a registered class's. */
    public static boolean isTypeName(String name) {
        return BUILT_IN.contains(name) || REGISTERED.containsValue(name);
    }

    /** Declares the guest type name of a class that is not in this package. */
    public static void register(Class<?> cls, String name) {
        REGISTERED.put(cls, name);
    }

    /** The guest type name of {@code v}, never null: "int", "list", "chan", ... */
    @TruffleBoundary
    public static String name(Object v) {
        String known = knownName(v);
        if (known != null) {
            return known;
        }
        if (v == null) {
            return "null"; // a Java null is an interpreter bug, but the message should still print
        }
        String simple = v.getClass().getSimpleName();
        if (simple.startsWith("Chan") && simple.length() > 4) {
            simple = simple.substring(4);
        }
        return simple.toLowerCase(Locale.ROOT);
    }

    /** {@code type(v)}: the type as an atom, or null for an unregistered foreign class. */
    @TruffleBoundary
    public static ChanAtom atom(Object v) {
        String known = knownName(v);
        return known == null ? null : ChanAtom.of(known);
    }

    private static String knownName(Object v) {
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        } else if (v instanceof Double) {
            return "float";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof String) {
            return "string";
        } else if (v == ChanNil.NIL) {
            return "nil";
        } else if (v instanceof ChanAtom) {
            return "atom";
        } else if (v instanceof ChanTuple) {
            return "tuple";
        } else if (v instanceof ChanList) {
            return "list";
        } else if (v instanceof ChanMap) {
            return "map";
        } else if (v instanceof ChanStruct) {
            return "struct";
        } else if (v instanceof ChanArray) {
            return "array";
        } else if (v instanceof ChanDict) {
            return "dict";
        } else if (v instanceof ChanStructType) {
            return "struct_type"; // a struct's name used as a value: `let t = Point;`
        }
        return v == null ? null : REGISTERED.get(v.getClass());
    }
}
