package chan.nodes.ops;

import chan.nodes.BlockSite;
import chan.nodes.ChanIterator;
import chan.runtime.Scheduler;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * The loop's next element, {@link ChanIterator#DONE}, or BLOCK while a channel has nothing yet. Over
 * an array or a range it runs only after {@link IterHasNextNode} found an element left, so it reads
 * or makes it at once.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "site")
public abstract class IterNextNode extends Node {
    public abstract Object execute(String site, Object it);

    /*
     * An array's elements read straight from its storage, one specialization per storage kind (as in
     * IndexNode), rather than through ChanArray.get, which tests every kind and the bounds again.
     */
    @Specialization(guards = "it.array().isObjects()")
    public static Object doObjects(@SuppressWarnings("unused") String site, ChanIterator.OverArray it) {
        return it.array().objectsElement(it.advance());
    }

    @Specialization(guards = "it.array().isLongs()")
    public static Object doLongs(@SuppressWarnings("unused") String site, ChanIterator.OverArray it) {
        return it.array().longs()[it.advance()];
    }

    @Specialization(guards = "it.array().isDoubles()")
    public static Object doDoubles(@SuppressWarnings("unused") String site, ChanIterator.OverArray it) {
        return it.array().doubles()[it.advance()];
    }

    @Specialization(guards = "it.array().isBooleans()")
    public static Object doBooleans(@SuppressWarnings("unused") String site, ChanIterator.OverArray it) {
        return it.array().booleans()[it.advance()];
    }

    @Specialization
    public static long doRange(@SuppressWarnings("unused") String site, ChanIterator.OverRange it) {
        return it.nextValue();
    }

    @Specialization(replaces = {"doObjects", "doLongs", "doDoubles", "doBooleans"})
    public static Object doNext(String site, ChanIterator it, @Bind Node node) {
        Object next = it.next();
        if (next == Scheduler.BLOCK) {
            BlockSite.record(site, node);
        }
        return next;
    }
}
