package chan.builtins;

/**
 * One built-in function: its guest name, its arity (-1: checked by the implementation) and its Java
 * implementation, which receives the call's arguments array ({@code args[0]} is the function value,
 * the guest arguments start at 1). A built-in that must block returns the scheduler's BLOCK marker:
 * the call site then suspends the thread like any blocking operation.
 */
public record Builtin(String name, int arity, Implementation implementation) {
    @FunctionalInterface
    public interface Implementation {
        Object call(Object[] args);
    }

    /**
     * Built-ins small and pure enough for the compiler to inline into the calling Chan code (no
     * I/O, no scheduler, errors behind boundaries): the hot ones of numeric and array code.
     */
    private static final java.util.Set<String> INLINABLE = java.util.Set.of("abs", "sqrt", "len", "array");

    public boolean inlinable() {
        return INLINABLE.contains(name);
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    public Object call(Object[] args) {
        return implementation.call(args);
    }
}
