package chan.builtins;

/**
 * One built-in function: its guest name, the fewest and the most arguments it takes ({@link #ANY}:
 * no limit, as print) and its Java implementation, which receives the call's arguments array
 * ({@code args[0]} is the function value, the guest arguments start at 1) once their count is
 * checked. A built-in that must block returns the scheduler's BLOCK marker: the call site then
 * suspends the thread like any blocking operation.
 */
public record Builtin(String name, int fewest, int most, Implementation implementation) {
    /** {@code most} of a built-in that takes any number of arguments. */
    public static final int ANY = Integer.MAX_VALUE;

    /**
     * The arity of its function value: its count of arguments when that is fixed (the call checks
     * it, as for a Chan function), else -1 (BuiltinRootNode checks the range).
     */
    public int arity() {
        return fewest == most ? fewest : -1;
    }

    /** The error of a call with {@code given} arguments (`len takes 1 argument, got 2`), or null if it takes them. */
    public String arityError(int given) {
        if (given >= fewest && given <= most) {
            return null;
        }
        String takes = fewest == most ? fewest + " argument" + (fewest == 1 ? "" : "s")
                        : most == ANY ? "at least " + fewest + " argument" + (fewest == 1 ? "" : "s")
                        : most == fewest + 1 ? fewest + " or " + most + " arguments"
                        : fewest + " to " + most + " arguments";
        return name + " takes " + takes + ", got " + given;
    }

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
