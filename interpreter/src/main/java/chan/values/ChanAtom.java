package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An atom such as {@code :ok}: an interned symbol, the natural tag of a message.
 *
 * <p>Invariant: at most one instance exists per name (see {@link #of}), so equality is identity and
 * the interpreter may compare atoms with {@code ==}. The table is global and never shrinks, like
 * Erlang's atom table; programs make a bounded number of atoms (they come from source literals).
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanAtom implements TruffleObject {
    private static final ConcurrentHashMap<String, ChanAtom> TABLE = new ConcurrentHashMap<>();

    private final String name;

    private ChanAtom(String name) {
        this.name = name;
    }

    /** The unique atom with this name (without the leading colon). */
    @TruffleBoundary
    public static ChanAtom of(String name) {
        ChanAtom atom = TABLE.get(name);
        return atom != null ? atom : TABLE.computeIfAbsent(name, ChanAtom::new);
    }

    /** The name without the colon: {@code of("ok").name()} is {@code "ok"}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return ":" + name;
    }

    @Override
    public int hashCode() {
        // Derived from the name, not the identity, so hash layouts are the same in every run.
        return name.hashCode() * 31 + 7;
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
