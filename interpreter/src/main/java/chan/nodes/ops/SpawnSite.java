package chan.nodes.ops;

import chan.nodes.ChanBytecodeRootNode;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Where a new thread was started, as its crash line shows it (docs/errors.md, "a thread started by
 * a standard module"). A `start` in the program's own code is its `FILE:LINE`. A `start` inside a
 * standard module (pipeline.map's stage) is named by what the program wrote: the library function
 * it called and the line of that call, `pipeline.map at prog.chan:5`. The library's own line would
 * tell a user nothing they can act on, and which of their calls the thread came from is lost; Go
 * names the function that created a goroutine in the same way ("created by …"), and an Erlang crash
 * report the process's initial call.
 */
final class SpawnSite {
    private SpawnSite() {}

    /** The site to record for a thread started at {@code site} (FILE:LINE) by the code of {@code node}. */
    static Object of(String site, Node node, Scheduler scheduler) {
        if (!(BytecodeNode.get(node) instanceof BytecodeNode here)
                        || !(here.getBytecodeRootNode() instanceof ChanBytecodeRootNode root) || root.library() == null) {
            return site;
        }
        String[] found = new String[2]; // the outermost library function of the run of them, the caller's FILE:LINE
        Truffle.getRuntime().iterateFrames(frame -> {
            if (!(function(frame) instanceof ChanBytecodeRootNode function)) {
                return frame; // past the thread's Chan functions (the scheduler): stop
            }
            if (function.library() != null) {
                found[0] = function.library() + "." + function.getName();
                return null;
            }
            SourceSection call = BytecodeNode.get(frame) instanceof BytecodeNode bytecode ? bytecode.getSourceLocation(frame) : null;
            if (call != null && call.isAvailable()) {
                found[1] = call.getSource().getName() + ":" + call.getStartLine();
            }
            return frame;
        });
        if (found[1] != null) {
            return found[0] + " at " + found[1];
        }
        // A library thread starting another (no code of the program on its stack): named as that thread was.
        Strand current = scheduler.current();
        return current != null && current.spawnSite != null ? current.spawnSite : site;
    }

    /** The Chan function a frame runs, a resumed one too (its continuation's root); null for any other root. */
    private static ChanBytecodeRootNode function(FrameInstance frame) {
        RootNode root = ((RootCallTarget) frame.getCallTarget()).getRootNode();
        if (root instanceof ContinuationRootNode continuation) {
            root = (RootNode) continuation.getSourceRootNode();
        }
        return root instanceof ChanBytecodeRootNode function ? function : null;
    }
}
