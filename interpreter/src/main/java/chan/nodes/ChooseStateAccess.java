package chan.nodes;

import chan.ChanContext;
import chan.ChanException;
import chan.runtime.ChanRuntimeError;
import chan.runtime.Choose;
import chan.runtime.Scheduler;
import chan.values.ChanTuple;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/** The operations of `choose` on a {@link ChooseState}, kept beside it so its fields stay private to the package. */
public final class ChooseStateAccess {
    private ChooseStateAccess() {}

    public static Object build(ChooseShape shape, Object[] operands) {
        return ChooseState.build(shape, operands);
    }

    @TruffleBoundary
    public static Object select(ChooseShape shape, Object state, Node node) {
        ChooseState s = (ChooseState) state;
        Scheduler scheduler = ChanContext.get(node).scheduler();
        try {
            return Choose.select(scheduler, s.cases, s.hasDefault, shape.prioritised());
        } catch (ChanRuntimeError e) {
            throw ChanException.error(e.getMessage(), node);
        }
    }

    public static Object decide(ChooseShape shape, Object state, Object result, Node node) {
        ChooseState s = (ChooseState) state;
        s.decide(result, ChanContext.get(node).scheduler().current(), shape, node);
        return s;
    }

    public static int option(Object state) {
        return ((ChooseState) state).option;
    }

    @TruffleBoundary
    public static Object chosen(String what, Object state) {
        ChooseState s = (ChooseState) state;
        return switch (what) {
            case "status" -> new ChanTuple(s.value, s.ok);
            case "channel" -> s.channel;
            default -> s.value;
        };
    }
}
