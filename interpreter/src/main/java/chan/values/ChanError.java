package chan.values;

/**
 * A user error raised by the language itself: a bad index, division by zero, a type mismatch, a bad
 * argument to a built-in. Everything in {@code chan.values} and {@code chan.builtins} throws this.
 *
 * <p>Invariants: it carries only a message, in the exact words the user will read (no "Error:" prefix,
 * no location; the interpreter adds the source position when it turns it into the guest value
 * {@code (:error, "message")}). It records no Java stack trace, so raising it is cheap and it is
 * never mistaken for an internal failure, which stays an ordinary Java exception.
 */
public final class ChanError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ChanAtom ERROR = ChanAtom.of("error");

    public ChanError(String message) {
        // No suppression, no stack trace: guest code may raise and catch these in a loop.
        super(message, null, false, false);
    }

    /** The guest value of a language error: the tuple {@code (:error, message)}. */
    public static Object errorValue(String message) {
        return new ChanTuple(ERROR, message);
    }

    /** This error as the guest value {@code (:error, message)}. */
    public Object value() {
        return errorValue(getMessage());
    }
}
