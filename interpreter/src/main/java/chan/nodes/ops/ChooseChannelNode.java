package chan.nodes.ops;

import chan.ChanException;
import chan.runtime.Channel;
import chan.values.ChanNil;
import chan.values.Types;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * The channel of a `choose` option's send or receive: a channel, or nil (an option never ready). Anything
 * else is an error at the option's channel expression, as `<-3` is at its own, not at the `choose`.
 */
@OperationProxy.Proxyable
public abstract class ChooseChannelNode extends Node {
    public abstract Object execute(Object target);

    @Specialization
    public static Object doChannel(Channel target) {
        return target;
    }

    @Specialization
    public static Object doNil(ChanNil target) {
        return target;
    }

    @Fallback
    public static Object doOther(Object target, @Bind Node node) {
        throw notAChannel(target, node);
    }

    /** The error of a value that stands where a `choose` option needs a channel. */
    static ChanException notAChannel(Object value, Node node) {
        return ChanException.error("choose: expected a channel, got " + Types.name(value), node);
    }
}
