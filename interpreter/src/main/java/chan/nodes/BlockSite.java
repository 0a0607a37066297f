package chan.nodes;

import chan.ChanContext;
import chan.runtime.DeadlockReport;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.BytecodeLocation;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Where a thread blocks, for deadlock reports: each blocking operation carries its description,
 * `receive at prog.chan:12:5`, as a constant made by the compiler, so recording it costs one store.
 *
 * <p>An operation of a standard module is shown instead by what the program wrote (docs/errors.md,
 * Deadlock): `receive in sync.wait at prog.chan:4:1`, the library function the program called and
 * that call; in a thread the module started, by that thread's start, `receive (for loop) in
 * sync.wait_group at prog.chan:2`. The stdlib's own line would not say which of the program's calls
 * is stuck. That is worked out only when a report is printed ({@link #shown}), from the blocked
 * thread's continuations, so blocking costs nothing more.
 */
public final class BlockSite {
    private BlockSite() {}

    public static void record(String site, Node node) {
        ChanContext.get(node).scheduler().current().blockSite = site;
    }

    /** A site worked out by {@link #shown}: not a String, so it is never worked out twice. */
    private record Described(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The scheduler's deadlock report, each blocked operation shown as {@link #shown} shows it (a
     * library's operations by the program's calls), or "" when it has none to make: what the
     * program's and the REPL's deadlock messages print below their first line.
     */
    @TruffleBoundary
    public static String deadlockReport(Scheduler scheduler) {
        for (Strand t : scheduler.threads()) {
            t.blockSite = shown(t);
        }
        DeadlockReport report = scheduler.deadlockReport();
        return report == null ? "" : report.format();
    }

    /**
     * What to show for the operation blocked thread t is in: its recorded site, or for one inside a
     * standard module, the program's call that led there. t's body is the continuation of its
     * outermost frame, whose result is the continuation of the frame it called, and so on down to
     * the operation that blocked (GuestReferences reads them the same way).
     */
    @TruffleBoundary
    public static Object shown(Strand t) {
        if (!(t.blockSite instanceof String site) || site.indexOf(" at ") < 0) {
            return t.blockSite;
        }
        String function = null;   // the outermost library function of the innermost run of them
        String call = null;       // the program's call of it, where the program has a frame below it
        for (Object c = t.body; c instanceof ContinuationResult frame; c = frame.getResult()) {
            if (!(frame.getContinuationRootNode().getSourceRootNode() instanceof ChanBytecodeRootNode root)) {
                return site;
            }
            if (root.library() == null) {
                function = null;
                call = position(frame.getBytecodeLocation());
            } else if (function == null) {
                function = root.qualifiedName();
            }
        }
        if (function == null) {
            return site; // blocked in the program's own code
        }
        String operation = site.substring(0, site.indexOf(" at ")); // `receive`, `receive (for loop)`, `send`, `choose`
        if (call != null) {
            return new Described(operation + " in " + function + " at " + call);
        }
        if (t.spawnSite instanceof LibraryCaller.Entry started) { // a thread the module started
            return new Described(operation + " in " + started);
        }
        if (t.spawnSite != null) { // the program started it on a library function: `start rpc.serve(…)`
            return new Described(operation + " in " + function + " at " + t.spawnSite);
        }
        return site; // a program that is a stdlib file itself
    }

    private static String position(BytecodeLocation location) {
        SourceSection s = location == null ? null : location.getSourceLocation();
        return s != null && s.isAvailable() ? Positions.format(s) : null;
    }
}
