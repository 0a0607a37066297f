package chan.nodes;

import chan.values.ChanArray;
import chan.values.ChanAtom;
import chan.values.ChanDict;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanNil;
import chan.values.ChanStruct;
import chan.values.ChanTuple;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An estimate of a message's size in bytes, for the simulated cost of moving it between cores
 * (docs/machine-model.md, "Message size"). A word of 8 bytes for the value itself and one for each
 * slot of a container (an element, a map or dict entry's key and value, a field); a string adds a
 * byte a character, a big int its bytes; a container inside adds its own size, counted once however
 * often it is reached, as a transfer copies each array or dict once.
 *
 * <p>Bounded: the walk looks at no more than {@link #ELEMENT_BUDGET} elements, with no recursion (a
 * deeply nested value cannot overflow the stack) and each container met once (a cycle through an
 * array or dict ends). Past the budget, the containers already met count their slots only, so a huge
 * value still costs at least a word an element, and measuring it costs O(budget).
 */
final class MessageSize {
    static final int WORD = 8;
    /** Elements looked at per message: 128 KB of words, ~51,000 cycles of transfer: enough to tell a big message from a small one. */
    static final int ELEMENT_BUDGET = 1 << 14;

    private MessageSize() {}

    static int bytes(Object v) {
        if (v instanceof Long || v instanceof ChanAtom || v instanceof Boolean || v instanceof Double || v == ChanNil.NIL) {
            return WORD; // the common messages, before any walk
        } else if (v instanceof String s) {
            return WORD + s.length();
        } else if (isContainer(v)) {
            return (int) Math.min(Integer.MAX_VALUE, new Walk(v).bytes());
        }
        return (int) Math.min(Integer.MAX_VALUE, WORD + extraBytes(v));
    }

    private static boolean isContainer(Object v) {
        return v instanceof ChanTuple || v instanceof ChanList || v instanceof ChanMap || v instanceof ChanStruct
                        || v instanceof ChanArray || v instanceof ChanDict;
    }

    /** What a non-container value adds to the word of its slot. */
    private static long extraBytes(Object v) {
        if (v instanceof String s) {
            return s.length();
        } else if (v instanceof BigInteger b) {
            return b.bitLength() / 8 + 1;
        }
        return 0;
    }

    /** One measurement: the containers met and not yet walked, and the budget left. */
    private static final class Walk {
        private final Object root;
        private long total;
        private int budget = ELEMENT_BUDGET;
        private ArrayDeque<Object> pending; // made at the first nested container: flat messages allocate nothing
        private Set<Object> seen;

        Walk(Object root) {
            this.root = root;
        }

        @TruffleBoundary
        long bytes() {
            walk(root);
            while (pending != null && !pending.isEmpty()) {
                walk(pending.pop());
            }
            return total;
        }

        /** Adds container c's own words, then its elements' while the budget lasts. */
        private void walk(Object c) {
            if (c instanceof ChanTuple t) {
                slots(t.size());
                for (int i = 0; i < t.size(); i++) {
                    if (!element(t.get(i))) {
                        return;
                    }
                }
            } else if (c instanceof ChanList l) {
                slots(l.size());
                for (Object e : l) {
                    if (!element(e)) {
                        return;
                    }
                }
            } else if (c instanceof ChanStruct s) {
                int n = s.type().fieldCount();
                slots(n);
                for (int i = 0; i < n; i++) {
                    if (!element(s.get(i))) {
                        return;
                    }
                }
            } else if (c instanceof ChanArray a) {
                slots(a.size());
                // an array of ints, floats or bools holds nothing more than its words
                for (int i = 0; a.isObjects() && i < a.size(); i++) {
                    if (!element(a.slot(i))) {
                        return;
                    }
                }
            } else if (c instanceof ChanMap m) {
                slots(2L * m.size());
                entries(m);
            } else if (c instanceof ChanDict d) {
                slots(2L * d.size());
                entries(d.entries());
            }
        }

        private void slots(long n) {
            total += WORD * (1 + n);
        }

        private void entries(Iterable<Map.Entry<Object, Object>> entries) {
            for (Map.Entry<Object, Object> e : entries) {
                if (!element(e.getKey()) || !element(e.getValue())) {
                    return;
                }
            }
        }

        /** Counts what element e adds beyond its slot's word; false once the budget is spent. */
        private boolean element(Object e) {
            if (budget == 0) {
                return false;
            }
            budget--;
            if (isContainer(e)) {
                if (firstMeeting(e)) {
                    pending.push(e);
                }
            } else if (e != null) { // null: an int slot of an array of objects
                total += extraBytes(e);
            }
            return true;
        }

        private boolean firstMeeting(Object c) {
            if (seen == null) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
                seen.add(root);
                pending = new ArrayDeque<>();
            }
            return seen.add(c);
        }
    }
}
