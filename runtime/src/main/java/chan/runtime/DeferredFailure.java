package chan.runtime;

/**
 * The resume value of a strand whose operation ran at its turn ({@link Scheduler#awaitTurn}) and
 * failed there, e.g. a send on a channel that was closed before the send's time came. The
 * interpreter raises the error where the strand stopped, as if the operation had failed at once.
 */
public record DeferredFailure(ChanRuntimeError error) {}
