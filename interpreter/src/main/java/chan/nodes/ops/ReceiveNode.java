package chan.nodes.ops;

import chan.ChanException;
import chan.nodes.BlockSite;
import chan.runtime.Channel;
import chan.runtime.Scheduler;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `<-c`: the value received, or BLOCK until a sender hands one over (or the channel closes: nil). */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "site")
public abstract class ReceiveNode extends Node {
    public abstract Object execute(String site, Object channel);

    @Specialization
    public static Object doReceive(String site, Channel channel, @Bind Node node) {
        Object result = receive(channel);
        if (result == Scheduler.BLOCK) {
            BlockSite.record(site, node);
        }
        return result;
    }

    @TruffleBoundary
    private static Object receive(Channel channel) {
        return channel.receive();
    }

    @Fallback
    public static Object doNotAChannel(String site, Object target, @Bind Node node) {
        throw ChanException.error("cannot receive from " + Types.name(target) + ": not a channel", node);
    }
}
