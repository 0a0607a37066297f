package chan.values;

import chan.ChanLanguage;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A function value: a named function, a closure or a built-in. Calls pass the arguments array
 * {@code [this function, a1, …, an]}; a closure's body reads its captured values from slot 0.
 * Captured values are copied at creation (capture by value), so a closure never sees later
 * assignments.
 */
@ExportLibrary(InteropLibrary.class)
public final class ChanFunction implements TruffleObject, Transferable, Comparable<ChanFunction> {
    /** Creation numbers: one counter for the process, so a run's functions are numbered in the order it made them. */
    private static final AtomicLong CREATED = new AtomicLong();

    private final String name;
    /** Number of parameters, or -1 for a built-in that takes any number. */
    private final int arity;
    private final RootCallTarget callTarget;
    @CompilationFinal(dimensions = 1) private final Object[] captures;
    /** Whether a captured value reaches an array or dict: then the closure is copied when it crosses threads. */
    private final boolean containsMutable;
    /** When it was made, among the functions of the process: what orders two closures of one name (see {@link #compareTo}). */
    private final long serial = CREATED.getAndIncrement();

    public ChanFunction(String name, int arity, RootCallTarget callTarget, Object[] captures) {
        this.name = name;
        this.arity = arity;
        this.callTarget = callTarget;
        this.captures = captures;
        this.containsMutable = captures != null && ChanTuple.anyMutable(captures);
    }

    public String name() {
        return name;
    }

    public int arity() {
        return arity;
    }

    public RootCallTarget callTarget() {
        return callTarget;
    }

    public Object capture(int index) {
        return captures[index];
    }

    public Object[] captures() {
        return captures;
    }

    /** A copy whose captured arrays and dicts are copied, for a closure that crosses to another thread. */
    public ChanFunction copyForTransfer() {
        return containsMutable ? (ChanFunction) Copying.copyForTransfer(this) : this;
    }

    @Override
    public boolean containsMutable() {
        return containsMutable;
    }

    /** A closure sent on a channel, or held by a value that is, takes copies of its arrays and dicts too. */
    @Override
    public Object copyForTransfer(Copying.Copier copier) {
        Object[] copied = new Object[captures.length];
        for (int i = 0; i < captures.length; i++) {
            copied[i] = copier.copy(captures[i]);
        }
        return new ChanFunction(name, arity, callTarget, copied);
    }

    /**
     * The order of functions as map keys and in {@code sort} (ValueOrder's last rank, Identities):
     * by their display, so named functions by name, then by creation. Every closure displays as
     * {@code <fn>}, and without the creation order their keys came out in identity-hash order,
     * different from run to run.
     */
    @Override
    public int compareTo(ChanFunction other) {
        int c = toString().compareTo(other.toString());
        return c != 0 ? c : Long.compare(serial, other.serial);
    }

    @Override
    public String toString() {
        return name == null || name.startsWith("<") ? "<fn>" : "<fn " + name + ">";
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
