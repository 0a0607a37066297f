package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Which call of the program's code led into a standard module, for the crash line of a thread the
 * module starts (SpawnSite), which would otherwise name a line of the stdlib, telling a user nothing
 * they can act on. Read from the stack: the run of library functions on top of it, and the program's
 * frame below them. Such a thread keeps the {@link Entry} as its spawn site, by which BlockSite
 * knows it.
 */
public final class LibraryCaller {
    private LibraryCaller() {}

    /**
     * {@code function}: the outermost library function of the run on top of the stack, as
     * `pipeline.map`; {@code call}: the program's call of it, FILE:LINE, or null
     * when no code of the program is below it (a thread a module started, or one started on a
     * library function).
     */
    public record Entry(String function, String call) {
        /** `pipeline.map at prog.chan:5`, as a crash line or a deadlock report names it. */
        @Override
        public String toString() {
            return function + " at " + call;
        }
    }

    /** Whether {@code node} runs code of a standard module. */
    public static boolean inLibrary(Node node) {
        return BytecodeNode.get(node) instanceof BytecodeNode here
                        && here.getBytecodeRootNode() instanceof ChanBytecodeRootNode root && root.library() != null;
    }

    /** The entry into the library of the current thread's stack; call it only when {@link #inLibrary}. */
    @TruffleBoundary
    public static Entry of() {
        String[] found = new String[2];
        Truffle.getRuntime().iterateFrames(frame -> {
            if (!(function(frame) instanceof ChanBytecodeRootNode function)) {
                return frame; // past the thread's Chan functions (the scheduler): stop
            }
            if (function.library() != null) {
                found[0] = function.qualifiedName();
                return null;
            }
            SourceSection call = BytecodeNode.get(frame) instanceof BytecodeNode bytecode ? bytecode.getSourceLocation(frame) : null;
            if (call != null && call.isAvailable()) {
                found[1] = call.getSource().getName() + ":" + call.getStartLine();
            }
            return frame;
        });
        return new Entry(found[0], found[1]);
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
