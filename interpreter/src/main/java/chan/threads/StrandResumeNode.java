package chan.threads;

import chan.ChanContext;
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
                    @Bind Node node) {
        ContinuationLocations.refresh(cachedRoot);
        ChanContext.get(node).resuming = body;
        return call.call(body.getFrame(), value);
    }

    @Specialization(replaces = "doResume")
    static Object doResumeIndirect(ContinuationResult body, Object value, @Cached IndirectCallNode call, @Bind Node node) {
        ContinuationLocations.refresh(body.getContinuationRootNode());
        ChanContext.get(node).resuming = body;
        return call.call(body.getContinuationCallTarget(), body.getFrame(), value);
    }

    @Specialization(guards = "target(args) == cachedTarget", limit = "8")
    static Object doStart(Object[] args, @SuppressWarnings("unused") Object value,
                    @Cached("target(args)") RootCallTarget cachedTarget,
                    @Cached("create(cachedTarget)") DirectCallNode call) {
        return call.call(args);
    }

    @Specialization(replaces = "doStart")
    static Object doStartIndirect(Object[] args, @SuppressWarnings("unused") Object value, @Cached IndirectCallNode call) {
        return call.call(target(args), args);
    }

    static RootCallTarget target(Object[] args) {
        return ((ChanFunction) args[0]).callTarget();
    }
}
