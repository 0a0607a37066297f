package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The value {@code nil}: the result of a missing map key, of a function without {@code return}, of
 * reading a closed channel. One instance, {@link #NIL}, so {@code ==} on it is identity.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanNil implements TruffleObject {
    public static final ChanNil NIL = new ChanNil();

    private ChanNil() {
    }

    @Override
    public String toString() {
        return "nil";
    }

    @Override
    public int hashCode() {
        // Fixed rather than the identity hash, so hash-bucket layouts do not vary from run to run.
        return 0x6e696c;
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
    boolean isNull() {
        return true;
    }
}
