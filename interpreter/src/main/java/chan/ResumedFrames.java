package chan;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.bytecode.BytecodeLocation;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chan stack of an error raised in a thread that was resumed from a continuation. Truffle 25.0.x
 * does not capture the frame of a continuation root in a stack trace, and without it cannot find the
 * frame's bytecode index, so such frames would have no position (the error printed as a bare
 * `error: …`). The live frames still hold their indexes when the error is raised: take the positions
 * then. Only resumed threads pay for the walk; a thread that never blocked keeps Truffle's own trace.
 */
final class ResumedFrames {
    private ResumedFrames() {}

    /** The frames, innermost first, if the running thread was resumed; else null. */
    @TruffleBoundary
    static List<ErrorReport.Frame> capture(Node location) {
        ChanContext context;
        try {
            context = ChanContext.get(null);
        } catch (RuntimeException | AssertionError e) {
            return null; // not inside a Chan context
        }
        if (context == null || !context.runningResumed) {
            return null;
        }
        List<ErrorReport.Frame> frames = new ArrayList<>();
        Truffle.getRuntime().iterateFrames((FrameInstance f) -> {
            SourceSection s = frames.isEmpty() && f.getCallNode() == null ? innermost(f, location) : caller(f);
            if (s != null && s.isAvailable()) {
                frames.add(new ErrorReport.Frame(functionName(((RootCallTarget) f.getCallTarget()).getRootNode()), s));
            }
            return null;
        });
        return frames;
    }

    /** A frame that calls another: its bytecode location is found from its call node. */
    private static SourceSection caller(FrameInstance f) {
        BytecodeLocation location = BytecodeLocation.get(f);
        return location == null || location.getBytecodeIndex() < 0 ? null : location.getSourceLocation();
    }

    /**
     * The frame that raised the error has no call node; its bytecode is the location node's. A
     * continuation root runs on a frame of its own whose slot 1 is the thread's local frame, where
     * the bytecode index is kept (slot 0); a plain root keeps it in its own frame.
     */
    private static SourceSection innermost(FrameInstance f, Node location) {
        BytecodeNode bytecode = location == null ? null : BytecodeNode.get(location);
        if (bytecode == null) {
            return null;
        }
        Frame frame = f.getFrame(FrameInstance.FrameAccess.READ_ONLY);
        if (frame.getTag(0) != FrameSlotKind.Int.tag && frame.getFrameDescriptor().getNumberOfSlots() > 1
                        && frame.getValue(1) instanceof Frame local) {
            frame = local;
        }
        if (frame.getTag(0) != FrameSlotKind.Int.tag) {
            return null;
        }
        int bci = bytecode.getBytecodeIndex(frame);
        return bci < 0 ? null : bytecode.getSourceLocation(bci);
    }

    static String functionName(RootNode root) {
        if (root instanceof ContinuationRootNode c) {
            return ((RootNode) c.getSourceRootNode()).getName();
        }
        return root.getName();
    }
}
