package chan.nodes.ops;

import chan.ChanException;
import chan.runtime.Channel;
import chan.values.ChanList;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * The list of a replicated `choose` option, `option for (c in cs) v = <-c`: a list of channels.
 * Anything else, or an element that is not a channel (nil included), is an error at the list's
 * expression, as ChooseChannelNode's is at a single option's channel, not at the `choose`.
 */
@OperationProxy.Proxyable
public abstract class ChooseChannelListNode extends Node {
    public abstract Object execute(Object target);

    @Specialization
    public static Object doList(ChanList target, @Bind Node node) {
        checkChannels(target, node);
        return target;
    }

    @Fallback
    public static Object doOther(Object target, @Bind Node node) {
        throw ChanException.error("choose: a replicated option needs a list of channels, got " + Types.name(target), node);
    }

    @TruffleBoundary
    private static void checkChannels(ChanList list, Node node) {
        for (Object c : list) {
            if (!(c instanceof Channel)) {
                throw ChooseChannelNode.notAChannel(c, node);
            }
        }
    }
}
