package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.BytecodeLocation;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * Writes the `location` field of the generated continuation root (in this package, generated from
 * {@link ChanBytecodeRootNode}); see {@link ContinuationLocations} for why.
 */
final class ContinuationLocationWriter {
    private static VarHandle handle;

    private ContinuationLocationWriter() {}

    @TruffleBoundary
    static void write(ContinuationRootNode root, BytecodeLocation location) {
        if (handle == null) {
            handle = find(root.getClass());
        }
        handle.set(root, location);
    }

    private static VarHandle find(Class<?> type) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            try {
                Field field = k.getDeclaredField("location");
                return MethodHandles.privateLookupIn(k, MethodHandles.lookup()).unreflectVarHandle(field);
            } catch (NoSuchFieldException e) {
                continue;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot write the continuation location of " + k, e);
            }
        }
        throw new IllegalStateException("no location field in " + type);
    }
}
