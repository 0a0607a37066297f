package chan.threads;

import chan.runtime.ValueReferences;
import chan.values.ChanArray;
import chan.values.ChanDict;
import chan.values.ChanError;
import chan.values.ChanFunction;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanStruct;
import chan.values.ChanTuple;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.frame.Frame;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a Chan value or a thread's body refers to, for the deadlock report (chan.runtime.WaitForGraph:
 * which threads hold the channel another is blocked on). A blocked thread's body is the continuation
 * of its outermost frame; each frame's continuation holds its arguments and slots (locals and the
 * operand stack) and the continuation of the frame it called, down to the operation that blocked. A
 * thread that has not run yet is its call, {@code [f, a1, …]}. Slots of ints, floats and booleans
 * refer to nothing. Runs only when a run has deadlocked.
 */
public final class GuestReferences implements ValueReferences {
    public static final GuestReferences INSTANCE = new GuestReferences();

    private GuestReferences() {}

    @Override
    public void forEach(Object v, Consumer<Object> out) {
        if (v instanceof ContinuationResult c) {
            frame(c.getFrame(), out);
            out.accept(c.getResult()); // the callee's continuation, or the scheduler's BLOCK
        } else if (v instanceof Object[] call) {
            for (Object a : call) out.accept(a);
        } else if (v instanceof ChanFunction f) {
            if (f.captures() != null) {
                for (Object c : f.captures()) out.accept(c);
            }
        } else if (v instanceof ChanList l) {
            for (Object e : l) out.accept(e);
        } else if (v instanceof ChanTuple t) {
            for (int i = 0; i < t.size(); i++) out.accept(t.get(i));
        } else if (v instanceof ChanStruct s) {
            for (int i = 0; i < s.type().fieldCount(); i++) out.accept(s.get(i));
        } else if (v instanceof ChanArray a) {
            for (int i = 0; a.isObjects() && i < a.size(); i++) out.accept(a.get(i));
        } else if (v instanceof ChanMap m) {
            entries(m, out);
        } else if (v instanceof ChanDict d) {
            entries(d.entries(), out);
        } else if (v instanceof ChanError e) {
            out.accept(e.value());
        }
    }

    /** Keys too: a channel may be a key. */
    private static void entries(Iterable<Map.Entry<Object, Object>> entries, Consumer<Object> out) {
        for (Map.Entry<Object, Object> e : entries) {
            out.accept(e.getKey());
            out.accept(e.getValue());
        }
    }

    private static void frame(Frame frame, Consumer<Object> out) {
        for (Object a : frame.getArguments()) out.accept(a);
        int slots = frame.getFrameDescriptor().getNumberOfSlots();
        for (int i = 0; i < slots; i++) {
            if (frame.isObject(i)) out.accept(frame.getObject(i));
        }
    }
}
