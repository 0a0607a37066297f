package chan.nodes.ops;

import chan.ChanException;
import chan.values.Display;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** Raised when no `match` arm, `let` pattern or `for` pattern fits the value. */
@OperationProxy.Proxyable
@ConstantOperand(type = String.class, name = "what")
public abstract class MatchFailedNode extends Node {
    public abstract Object execute(String what, Object value);

    @Specialization
    @TruffleBoundary
    public static Object doFail(String what, Object value, @Bind Node node) {
        throw ChanException.error(what + " " + Display.repr(value), node);
    }
}
