package chan.nodes.ops;

import chan.ChanException;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * Throws a caught exception on, unchanged: the end of a handler that only settles state on the way
 * out (a counted loop's clock, StatementCompiler.visitCountedWhile). The function has recorded the
 * error's position already, where it was first caught; the rethrow does not add a second.
 */
@OperationProxy.Proxyable
public abstract class RethrowNode extends Node {
    public abstract Object execute(Object exception);

    @Specialization
    public static Object doRethrow(Object exception) {
        if (exception instanceof ChanException e) {
            e.passOn();
        }
        throw (AbstractTruffleException) exception;
    }
}
