package chan.runtime;

/**
 * A machine description the user gave cannot be used: an unknown preset name, a malformed machine
 * file ({@code file:line: message}), or a core count or core number the machine does not have.
 * The message is one line, ready to print after {@code chan: }.
 */
public final class MachineException extends RuntimeException {
    public MachineException(String message) {
        super(message);
    }
}
