package chan.runtime;

/**
 * A guest-level error raised by the runtime: {@code send on closed channel}, {@code close of closed
 * channel}, {@code core 9 out of range 0..3}, the thread limit. The interpreter turns it into the guest
 * value {@code (:error, message)} with a Chan stack trace of its own, so this exception carries no Java
 * stack trace (constructing one would dominate the cost of a guest error that is caught and retried).
 *
 * <p>Internal invariant failures are not this class: they are {@link IllegalStateException}s, which the
 * launcher reports as internal errors (see DESIGN.md, "Errors").
 */
public final class ChanRuntimeError extends RuntimeException {
    public ChanRuntimeError(String message) {
        super(message);
    }

    /** Guest errors need no Java stack; skipping it makes throwing cheap. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
