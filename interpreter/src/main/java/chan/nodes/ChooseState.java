package chan.nodes;

import chan.ChanException;
import chan.runtime.Channel;
import chan.runtime.ChooseCase;
import chan.runtime.Strand;
import chan.values.ChanList;
import chan.values.ChanNil;
import chan.values.Copying;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * One execution of a `choose`: the runtime's cases built from the evaluated options (a replicated
 * option `option for (c in cs)` becomes one case per channel), and, once the runtime has chosen,
 * which option won, on which channel, with what value.
 */
public final class ChooseState {
    final ChooseCase[] cases;
    /** For each case, the option it belongs to. */
    private final int[] optionOf;
    final boolean hasDefault;
    int option = -2;
    Object channel = ChanNil.NIL;
    Object value = ChanNil.NIL;
    boolean ok;

    private ChooseState(ChooseCase[] cases, int[] optionOf, boolean hasDefault) {
        this.cases = cases;
        this.optionOf = optionOf;
        this.hasDefault = hasDefault;
    }

    /** Builds the cases from the operands: (guard, channel, value) for each option, in order. */
    @TruffleBoundary
    static ChooseState build(ChooseShape shape, Object[] operands) {
        int options = shape.kinds().length;
        List<ChooseCase> cases = new ArrayList<>(options);
        int[] owners = new int[options]; // grows only for a replicated option
        boolean hasDefault = false;
        for (int i = 0; i < shape.kinds().length; i++) {
            Object guard = operands[3 * i];
            boolean enabled = guard != ChanNil.NIL && guard != Boolean.FALSE; // only false and nil are falsy
            if (shape.kinds()[i] == ChooseShape.Kind.DEFAULT) {
                hasDefault = enabled; // `option when (g) default:` exists only while g holds, as occam's `g & SKIP`
                continue;
            }
            // Checked where the option was evaluated (ChooseChannelNode, ChooseChannelListNode): a
            // channel or nil, or a replicated option's list of channels.
            Object target = operands[3 * i + 1];
            if (shape.kinds()[i] == ChooseShape.Kind.RECEIVE_ANY) {
                for (Object c : (ChanList) target) {
                    owners = own(owners, cases.size(), i);
                    cases.add(ChooseCase.recv((Channel) c, enabled));
                }
                continue;
            }
            Channel channel = target == ChanNil.NIL ? null : (Channel) target;
            boolean on = enabled && channel != null; // a nil channel is never ready, as in Go
            // A sent value crosses to another thread: its arrays and dicts go as copies, as with `c <- v`.
            owners = own(owners, cases.size(), i);
            cases.add(shape.kinds()[i] == ChooseShape.Kind.SEND ? ChooseCase.send(channel, Copying.copyForTransfer(operands[3 * i + 2]), on) : ChooseCase.recv(channel, on));
        }
        int[] optionOf = owners.length == cases.size() ? owners : java.util.Arrays.copyOf(owners, cases.size());
        return new ChooseState(cases.toArray(new ChooseCase[cases.size()]), optionOf, hasDefault);
    }

    /** owners with case {@code k} owned by option {@code option}, grown if needed (a choose runs this every time: no streams). */
    private static int[] own(int[] owners, int k, int option) {
        int[] o = k < owners.length ? owners : java.util.Arrays.copyOf(owners, Math.max(4, 2 * owners.length));
        o[k] = option;
        return o;
    }

    /** Records the runtime's choice (the case index, -1 for default, or CLOSED for a send on a closed channel). */
    @TruffleBoundary
    void decide(Object result, Strand strand, ChooseShape shape, Node node) {
        if (result == Channel.CLOSED) {
            throw ChanException.error("send on closed channel", node);
        }
        int index = (Integer) result;
        if (index < 0) {
            for (int i = 0; i < shape.kinds().length; i++) {
                if (shape.kinds()[i] == ChooseShape.Kind.DEFAULT) {
                    option = i;
                }
            }
            return;
        }
        ChooseCase chosen = cases[index];
        option = optionOf[index];
        channel = chosen.channel;
        value = chosen.kind == ChooseCase.Kind.RECV ? chosen.value : ChanNil.NIL;
        ok = strand.recvOk();
    }
}
