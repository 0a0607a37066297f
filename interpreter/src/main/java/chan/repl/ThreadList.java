package chan.repl;

import chan.nodes.BlockSite;
import chan.runtime.Scheduler;
import chan.runtime.Strand;

/**
 * `:threads`: every live thread of the session's machine, by id, with its core, its state, and for
 * a blocked thread the operation it waits in and where, e.g.
 * {@code thread 2 on core 0: blocked in receive at <repl-1>:1:23 (started at <repl-1>:1)}.
 */
final class ThreadList {
    private ThreadList() {}

    static String format(Scheduler scheduler) {
        StringBuilder b = new StringBuilder();
        for (Strand t : scheduler.threads()) {
            b.append("thread ").append(t.id()).append(" on core ").append(t.core()).append(": ").append(describe(t));
            if (t.spawnSite != null) {
                b.append(" (started at ").append(t.spawnSite).append(')');
            }
            b.append('\n');
        }
        if (b.isEmpty()) {
            return "no threads\n";
        }
        return b.toString();
    }

    private static String describe(Strand t) {
        return switch (t.state()) {
            case RUNNABLE -> "runnable";
            case RUNNING -> "running";
            case BLOCKED -> t.blockSite == null ? "blocked asleep, or forever" : "blocked in " + BlockSite.shown(t);
            case DONE -> "done";
        };
    }
}
