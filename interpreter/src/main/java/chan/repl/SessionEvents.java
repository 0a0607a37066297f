package chan.repl;

/**
 * What the launcher learns of a session it runs (ChanRepl.run), for the work it does beside it: when
 * the session is up, and when each input runs.
 */
public interface SessionEvents {
    /** The session shows its first prompt. */
    default void ready() {}

    /** An input (an expression, a declaration or a command) starts to run. */
    default void inputStarted() {}

    /** The input has ended, however it ended. */
    default void inputEnded() {}
}
