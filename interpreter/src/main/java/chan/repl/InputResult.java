package chan.repl;

/**
 * How one REPL input ended: with a value (nil when it ends in a statement), an error already
 * printed, a deadlock already reported, or an interrupt (Ctrl-C); or it never ran, its syntax or
 * static errors printed. {@code cycles} is the virtual time core 0 advanced from the input's first
 * run until it ended, {@code wallNanos} the host time it took.
 */
record InputResult(Kind kind, Object value, long cycles, long wallNanos) {
    enum Kind { VALUE, ERROR, DEADLOCK, INTERRUPTED, NOT_COMPILED }

    InputResult timed(long cycles, long wallNanos) {
        return new InputResult(kind, value, cycles, wallNanos);
    }

    static InputResult of(Kind kind) {
        return new InputResult(kind, null, 0, 0);
    }
}
