package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;

/**
 * A loop compiled as a root of its own, which its function calls where the loop stands
 * (CallLoop; the compiler's OutlinedLoops says which loops and why). A function that has blocked
 * once runs on in its continuation, which keeps the function's locals in a frame on the heap; a loop
 * there read and wrote them in memory at every step, ~5x slower (bench/README.md, "Code that runs
 * after its function has blocked"). Called afresh, the loop keeps them in a frame of its own that
 * the compiler can hold in registers.
 *
 * <p>Its arguments: slot 0 is the function's own arguments' slot 0 (the closure, whose captured
 * values the loop reads as the function would), then the function's locals that the loop names,
 * then, for a `for` loop, its place to go on from (nil at the first call), then the function's
 * `--max-depth` level if it passes one on. It returns a {@link LoopExit} with those locals' values
 * (and its place) when it ends or stops to be called again, or the value of a `return` inside it.
 */
public final class OutlinedLoop {
    @CompilationFinal private RootCallTarget callTarget;

    /** Set by the builder when the loop's root is complete. */
    public void setRoot(ChanBytecodeRootNode root) {
        this.callTarget = root.getCallTarget();
    }

    public RootCallTarget callTarget() {
        return callTarget;
    }

    @Override
    public String toString() {
        return "outlined loop";
    }
}
