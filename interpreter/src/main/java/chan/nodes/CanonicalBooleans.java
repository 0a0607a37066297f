package chan.nodes;

import com.oracle.truffle.api.dsl.TypeCast;
import com.oracle.truffle.api.dsl.TypeCheck;
import com.oracle.truffle.api.dsl.TypeSystem;

/**
 * A type system in which a boxed bool is recognised by identity: every {@code Boolean} a Chan
 * program holds is {@link Boolean#TRUE} or {@link Boolean#FALSE} (boxing goes through
 * {@code Boolean.valueOf}; nothing calls the deprecated constructor). The default check,
 * {@code instanceof Boolean} and {@code booleanValue()}, loads the box's header and its value: in
 * compiled code, two loads after the load of an element of an array of objects (Richards' task
 * states, {@code state[TASK_HOLDING] || ...}); by identity it is two compares with constants.
 */
@TypeSystem
public class CanonicalBooleans {
    @TypeCheck(boolean.class)
    public static boolean isBoolean(Object value) {
        return value == Boolean.TRUE || value == Boolean.FALSE;
    }

    @TypeCast(boolean.class)
    public static boolean asBoolean(Object value) {
        return value == Boolean.TRUE;
    }
}
