package chan.runtime;

/**
 * Builds the guest value a monitor channel receives when a thread ends: {@code (:exit, t, reason)}.
 * Supplied by the interpreter in {@link SchedulerOptions#exitMessageFactory}; the runtime never looks
 * inside the value.
 */
@FunctionalInterface
public interface ExitMessageFactory {
    /** @param reason {@link SchedulerOptions#normalReason}, {@link SchedulerOptions#killedReason} or the uncaught error value */
    Object exitMessage(Strand t, Object reason);
}
