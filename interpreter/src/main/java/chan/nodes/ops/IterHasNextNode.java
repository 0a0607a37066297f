package chan.nodes.ops;

import chan.nodes.ChanIterator;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * A `for` loop's test at its head. Over an array or a range it compares the cursor with the length,
 * so that the compiler sees a loop counted on an int (and drops its safepoint polls when nothing in
 * the body allocates); every other iterator says yes here and ends the loop by returning
 * {@link ChanIterator#DONE} from its next step, which may first have to wait for a channel.
 */
@OperationProxy.Proxyable
public abstract class IterHasNextNode extends Node {
    public abstract boolean execute(Object it);

    @Specialization
    public static boolean doCounted(ChanIterator.Counted it) {
        return !it.done();
    }

    @Fallback
    public static boolean doOther(@SuppressWarnings("unused") Object it) {
        return true;
    }
}
