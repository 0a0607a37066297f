package chan.threads;

import chan.ChanContext;
import chan.nodes.ChanBytecodeRootNode;
import chan.nodes.ContinuationLocations;
import chan.values.ChanFunction;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * Runs a thread until it blocks or ends. A new thread's body is its call, the arguments array
 * {@code [f, a1, …]}; a thread that blocked before is a continuation, resumed with the value its
 * operation completed with. Inline caches keep the common case (many threads running the same few
 * functions) a direct, inlinable call. A resume starts the descent through the thread's frames
 * ({@code ChanContext.resuming}, read by the Callee operation of each frame's suspension loop).
 */
public abstract class StrandResumeNode extends Node {
    public abstract Object execute(Object body, Object value);

    @Specialization(guards = "body.getContinuationRootNode() == cachedRoot", limit = "8")
    static Object doResume(ContinuationResult body, Object value,
                    @Cached("body.getContinuationRootNode()") ContinuationRootNode cachedRoot,
                    @Cached("create(cachedRoot.getCallTarget())") DirectCallNode call,
                    @Cached("topDepth(cachedRoot)") int depth,
                    @Bind Node node) {
        ContinuationLocations.refresh(cachedRoot);
        ChanContext context = ChanContext.get(node);
        context.resuming = body;
        context.callDepth = depth;
        return call.call(body.getFrame(), value);
    }

    @Specialization(replaces = "doResume")
    static Object doResumeIndirect(ContinuationResult body, Object value, @Cached IndirectCallNode call, @Bind Node node) {
        ContinuationLocations.refresh(body.getContinuationRootNode());
        ChanContext context = ChanContext.get(node);
        context.resuming = body;
        context.callDepth = topDepth(body.getContinuationRootNode());
        return call.call(body.getContinuationCallTarget(), body.getFrame(), value);
    }

    @Specialization(guards = "target(args) == cachedTarget", limit = "8")
    static Object doStart(Object[] args, @SuppressWarnings("unused") Object value,
                    @Cached("target(args)") RootCallTarget cachedTarget,
                    @Cached("create(cachedTarget)") DirectCallNode call,
                    @Cached("topDepth(cachedTarget.getRootNode())") int depth,
                    @Bind Node node) {
        ChanContext.get(node).callDepth = depth;
        return call.call(args);
    }

    @Specialization(replaces = "doStart")
    static Object doStartIndirect(Object[] args, @SuppressWarnings("unused") Object value, @Cached IndirectCallNode call, @Bind Node node) {
        RootCallTarget target = target(args);
        ChanContext.get(node).callDepth = topDepth(target.getRootNode());
        return call.call(target, args);
    }

    static RootCallTarget target(Object[] args) {
        return ((ChanFunction) args[0]).callTarget();
    }

    /**
     * The count a thread's outermost frame runs with, its calls made at depth 0: 0 for a frame that
     * counts its own level, -1 for one that does not, whose built-in calls check the count + 1
     * (ChanBytecodeRootNode.countsDepth).
     */
    static int topDepth(RootNode root) {
        return ChanBytecodeRootNode.countsDepth(root) ? 0 : -1;
    }

    static int topDepth(ContinuationRootNode root) {
        return topDepth((RootNode) root.getSourceRootNode());
    }
}
