package chan.nodes;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/**
 * One top-level name of a module (a function, const, struct type or imported module). Operations
 * hold the cell as a constant operand and read its value; the value is written once, while the
 * module initialises, before anything can read it (a const read too early is an error).
 *
 * <p>Because the value is written once, compiled code folds it to a constant ({@link #stable},
 * guarded by {@link #unchanged}): a call to a top-level function then needs no load, and a const
 * index such as {@code ball[X]} is a constant. A run of the same program again (`chan bench`)
 * writes the consts again; an equal number or string keeps the assumption, anything else
 * invalidates it, and from then on reads take {@link #value}.
 */
public final class GlobalCell {
    public final String name;
    private Object value;
    @CompilationFinal private Object stable;
    private final Assumption unchanged;

    public GlobalCell(String name) {
        this.name = name;
        this.unchanged = Assumption.create("global " + name + " unchanged");
    }

    /** The value, or null before the module has initialised it. */
    public Object get() {
        if (unchanged.isValid()) {
            Object s = stable;
            if (s != null) {
                return s;
            }
        }
        return value;
    }

    public void set(Object newValue) {
        Object old = value;
        value = newValue;
        if (old == null && stable == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            stable = newValue;
        } else if (!sameConstant(old == null ? stable : old, newValue) && unchanged.isValid()) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            unchanged.invalidate();
        }
    }

    /** True when compiled code that folded {@code a} may go on using it for {@code b}. */
    private static boolean sameConstant(Object a, Object b) {
        return a == b || ((a instanceof Long || a instanceof Double || a instanceof String || a instanceof Boolean) && a.equals(b));
    }

    @Override
    public String toString() {
        return "global " + name;
    }
}
