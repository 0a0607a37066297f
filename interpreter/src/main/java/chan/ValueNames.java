package chan;

import chan.runtime.Channel;
import chan.runtime.Strand;
import chan.values.ChanFunction;
import chan.values.Display;
import chan.values.Types;
import chan.nodes.ChanModule;

/**
 * Names and display forms of the values that live outside {@code chan.values}: functions, channels
 * and threads (`type(c)` is `:chan`, a thread prints as `<thread 7>`).
 */
final class ValueNames {
    private ValueNames() {}

    static void register() {
        Types.register(ChanFunction.class, "fn");
        Types.register(Channel.class, "chan");
        Types.register(Strand.class, "thread");
        Types.register(ChanModule.class, "module");
        Types.register(chan.runtime.SharedMemory.class, "shared");
        Display.register(Strand.class, t -> "<thread " + ((Strand) t).id() + ">");
        Display.register(Channel.class, c -> "<chan " + ((Channel) c).id() + ">");
    }
}
