package chan.nodes.ops;

import chan.ChanException;
import chan.nodes.BlockSite;
import chan.runtime.ChanRuntimeError;
import chan.runtime.Channel;
import chan.runtime.Scheduler;
import chan.values.Copying;
import chan.values.Types;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/**
 * `c <- v`. The value crosses to another thread, so arrays and dicts in it are copied. Returns
 * Channel.DONE, or BLOCK when the sender must wait (then the resume value says how it ended:
 * {@link CheckSentNode}).
 */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "site")
public abstract class SendNode extends Node {
    public abstract Object execute(String site, Object channel, Object value);

    @Specialization
    public static Object doSend(String site, Channel channel, Object value, @Bind Node node) {
        Object result = send(channel, value, node);
        if (result == Scheduler.BLOCK) {
            BlockSite.record(site, node);
        }
        return result;
    }

    @TruffleBoundary
    private static Object send(Channel channel, Object value, Node node) {
        try {
            return channel.send(Copying.copyForTransfer(value));
        } catch (ChanRuntimeError e) {
            throw ChanException.error(e.getMessage(), node);
        }
    }

    @Fallback
    public static Object doNotAChannel(String site, Object target, @SuppressWarnings("unused") Object value, @Bind Node node) {
        throw ChanException.error("cannot send to " + Types.name(target) + ": not a channel", node);
    }
}
