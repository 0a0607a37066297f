package chan.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.bytecode.BytecodeLocation;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;

/**
 * The one workaround for a Truffle 25.0.x defect (DESIGN.md): a continuation root remembers the
 * bytecode location it was made at and never updates it when its root moves to the cached tier,
 * so compiled continuations deoptimise on every resume. Every resume goes through {@link #refresh},
 * which, in the interpreter only, points a stale location at the root's current bytecode. At a
 * compiled, monomorphic resume site the check folds away. Remove once on a Truffle release with the
 * upstream fixes (oracle/graal PRs 12844, 13406, 13451).
 */
public final class ContinuationLocations {
    private ContinuationLocations() {}

    public static void refresh(ContinuationRootNode root) {
        if (CompilerDirectives.inInterpreter()) {
            BytecodeLocation location = root.getLocation();
            if (location.getBytecodeNode() != location.getBytecodeNode().getBytecodeRootNode().getBytecodeNode()) {
                ContinuationLocationWriter.write(root, location.update());
            }
        }
    }
}
