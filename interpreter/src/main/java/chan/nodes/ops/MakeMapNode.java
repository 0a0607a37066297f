package chan.nodes.ops;

import chan.ChanException;
import chan.values.ChanError;
import chan.values.ChanMap;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.Node;

/** `{k1 => v1, k2 => v2, …}`: the operands alternate keys and values; a later key wins. */
@OperationProxy.Proxyable
public abstract class MakeMapNode extends Node {
    public abstract Object execute(Object[] keysAndValues);

    @Specialization
    @TruffleBoundary
    public static ChanMap doMake(@Variadic Object[] keysAndValues, @Bind Node node) {
        try {
            return ChanMap.of(keysAndValues);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }
}
