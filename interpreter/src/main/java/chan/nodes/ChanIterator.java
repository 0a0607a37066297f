package chan.nodes;

import com.oracle.truffle.api.interop.TruffleObject;
import chan.runtime.Channel;
import chan.values.ChanArray;
import chan.values.ChanDict;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanTuple;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The cursor of a `for (x in v)` loop. Lists, tuples, arrays and strings yield their elements;
 * maps and dicts their keys (maps in key order, dicts in insertion order; a dict's keys are read
 * when the loop starts, and a key deleted before the loop reaches it is skipped, as in Go); channels
 * the values received until the channel is closed and drained.
 */
public abstract class ChanIterator implements TruffleObject { // a tool reads it in a loop's hidden local
    /** Returned by {@link #next} when the loop is over. */
    public static final Object DONE = new TruffleObject() {
        @Override
        public String toString() {
            return "<iteration done>";
        }
    };

    /** The next element, {@link #DONE}, or (channels only) the scheduler's BLOCK marker. */
    public abstract Object next();

    @TruffleBoundary
    public static ChanIterator over(Object v) {
        if (v instanceof ChanList list) {
            return new OverList(list);
        } else if (v instanceof ChanMap map) {
            return over(map.keys());
        } else if (v instanceof ChanDict dict) {
            return new OverDict(dict);
        } else if (v instanceof ChanTuple t) {
            return new Indexed(t.size(), t::get);
        } else if (v instanceof ChanArray a) {
            return new OverArray(a);
        } else if (v instanceof String s) {
            return new OverString(s);
        } else if (v instanceof Channel c) {
            return new Receiving(c);
        }
        return null;
    }

    /** A sequence read by index; the length is fixed when the loop starts. */
    static final class Indexed extends ChanIterator {
        interface Getter {
            Object get(int index);
        }

        private final int length;
        private final Getter getter;
        private int index;

        Indexed(int length, Getter getter) {
            this.length = length;
            this.getter = getter;
        }

        @Override
        @TruffleBoundary
        public Object next() {
            return index < length ? getter.get(index++) : DONE;
        }
    }

    /**
     * A list's elements in order, by the persistent vector's own iterator: a step of it costs what a
     * step through the tree costs, where reading by index would search the tree from its root each
     * time. A list never changes, so the iterator cannot see it change.
     */
    static final class OverList extends ChanIterator {
        private final java.util.Iterator<Object> items;

        OverList(ChanList list) {
            this.items = list.iterator();
        }

        @Override
        @TruffleBoundary
        public Object next() {
            return items.hasNext() ? items.next() : DONE;
        }
    }

    /** A dict's keys as the loop starts, less those deleted from it before the loop reaches them. */
    static final class OverDict extends ChanIterator {
        private final ChanDict dict;
        private final java.util.Iterator<Object> keys;

        OverDict(ChanDict dict) {
            this.dict = dict;
            this.keys = dict.keys().iterator();
        }

        @Override
        @TruffleBoundary
        public Object next() {
            while (keys.hasNext()) {
                Object key = keys.next();
                if (dict.containsKey(key)) {
                    return key;
                }
            }
            return DONE;
        }
    }

    /**
     * A string's code points, each as a one-code-point string, by a char offset kept from step to
     * step (reading the i-th code point by index counts from the start each time).
     */
    static final class OverString extends ChanIterator {
        private final String string;
        private int offset;

        OverString(String string) {
            this.string = string;
        }

        @Override
        @TruffleBoundary
        public Object next() {
            if (offset >= string.length()) {
                return DONE;
            }
            int end = string.offsetByCodePoints(offset, 1);
            String codePoint = string.substring(offset, end);
            offset = end;
            return codePoint;
        }
    }

    /**
     * An iterator whose length is fixed when the loop starts, with no boundary: the loop's head tests
     * its cursor (IterHasNextNode), so a compiled loop over it is counted on an int, and the reads
     * inline.
     */
    public abstract static class Counted extends ChanIterator {
        private final int length;
        private int index;

        Counted(int length) {
            this.length = length;
        }

        /** Whether the loop is over; else {@link #advance} gives the next index. */
        public final boolean done() {
            return index >= length;
        }

        public final int advance() {
            return index++;
        }
    }

    /** An array's elements, read as the loop reaches them (an array's size never changes). */
    public static final class OverArray extends Counted {
        private final ChanArray array;

        public OverArray(ChanArray array) {
            super(array.size());
            this.array = array;
        }

        @Override
        public Object next() {
            return done() ? DONE : array.get(advance());
        }

        public ChanArray array() {
            return array;
        }
    }

    /**
     * The ints of `range(a, b, step)` in a `for` loop, made as the loop reaches them instead of as a
     * list first; the count is {@code range}'s own (Ranges.count), with its errors.
     */
    public static final class OverRange extends Counted {
        private long value;
        private final long step;

        public OverRange(long first, long step, int count) {
            super(count);
            this.value = first;
            this.step = step;
        }

        @Override
        public Object next() {
            return done() ? DONE : (Object) nextValue();
        }

        /** The next int; only when not {@link #done}. The sum after the last may wrap: it is never read. */
        public long nextValue() {
            advance();
            long v = value;
            value = v + step;
            return v;
        }
    }

    /** Receives from a channel; the loop ends when a receive reports the channel closed. */
    public static final class Receiving extends ChanIterator {
        final Channel channel;

        Receiving(Channel channel) {
            this.channel = channel;
        }

        @Override
        @TruffleBoundary
        public Object next() {
            return channel.receive();
        }
    }
}
