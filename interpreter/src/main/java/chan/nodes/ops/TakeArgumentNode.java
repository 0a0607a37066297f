package chan.nodes.ops;

import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * Reads a parameter from the arguments array and clears its entry, in a function's prologue, which
 * then keeps the parameter in a local. The arguments array lives as long as the frame (a blocked
 * thread's frame lives as long as the thread), and the local holds a number unboxed: the entry would
 * otherwise keep the caller's box alive beside the local, 16 bytes a thread in a million threads
 * blocked sending their parameter (bench/concurrency/README.md, memory). Every caller builds a fresh
 * arguments array (the Call operation, a spawn), so nothing reads the entry afterwards.
 */
@OperationProxy.Proxyable
@ConstantOperand(type = int.class, name = "index")
public abstract class TakeArgumentNode extends Node {
    public abstract Object execute(VirtualFrame frame, int index);

    @Specialization
    public static Object doTake(VirtualFrame frame, int index) {
        Object[] arguments = frame.getArguments();
        Object value = arguments[index];
        arguments[index] = null;
        return value;
    }
}
