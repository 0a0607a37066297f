package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The frame a function hands to its continuation when it suspends for the first time: in compiled
 * code a copy of its own frame, not the frame itself.
 *
 * <p>The Bytecode DSL's generated interpreter (Truffle 25.0.1) suspends a root by materializing its
 * frame for the continuation, then reads the root's result from that same frame after every way out
 * of the bytecode loop has merged: its returns and its yields. Graal's escape analysis must then
 * treat the frame as escaped on every path that reaches that merge, so once a function's suspension
 * path is compiled in (any function whose calls were preempted, or that another core's thread made
 * wait), each of its calls allocates its frame on the heap, ~220 bytes, and keeps its locals there:
 * two threads computing fib(25) side by side ran 9× slower than one after the other (bench/README.md,
 * "Preempted calls"). A copy taken on the yield path alone escapes there alone, and the frame stays
 * virtual on every other path. The copy is the same state: the suspended activation has ended, and
 * only the continuation goes on, in the copy.
 *
 * <p>The build calls this from the generated {@code doYield} (interpreter/pom.xml, execution
 * {@code patch-yield}), for the original root only: a continuation's root already runs on the
 * materialized frame it was handed, which it passes on as it is.
 */
public final class ContinuationFrames {
    private ContinuationFrames() {}

    /**
     * The frame to hand on from a suspending root: in compiled code a fresh copy of {@code frame}
     * (a copy of its arguments array, every slot and its tag); in the interpreter, whose frames
     * are heap objects already, {@code frame} itself.
     */
    public static VirtualFrame forContinuation(VirtualFrame frame) {
        if (!CompilerDirectives.inCompiledCode()) {
            return frame;
        }
        FrameDescriptor descriptor = frame.getFrameDescriptor();
        // The arguments are copied too: an inlined call's arguments array that escaped on the yield
        // path would be materialized on every path into the merge, as the frame was (~24 bytes a call).
        MaterializedFrame copy = Truffle.getRuntime().createMaterializedFrame(frame.getArguments().clone(), descriptor);
        if (!(copy instanceof VirtualFrame)) {
            return frame; // a runtime whose materialized frames are another class: hand on the frame itself
        }
        frame.copyTo(0, copy, 0, descriptor.getNumberOfSlots());
        return (VirtualFrame) copy;
    }
}
