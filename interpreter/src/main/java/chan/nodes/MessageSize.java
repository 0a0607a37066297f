package chan.nodes;

import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanStruct;
import chan.values.ChanTuple;

/**
 * An estimate of a message's size in bytes, for the simulated cost of moving it between cores: 8
 * bytes a word, strings at one byte a character, collections by their elements (shallowly, one
 * level deep, so that sizing never costs more than sending).
 */
final class MessageSize {
    private MessageSize() {}

    static int bytes(Object v) {
        if (v instanceof String s) {
            return 8 + s.length();
        } else if (v instanceof ChanTuple t) {
            return 8 + 8 * t.size();
        } else if (v instanceof ChanList l) {
            return 8 + 8 * l.size();
        } else if (v instanceof ChanMap m) {
            return 8 + 16 * m.size();
        } else if (v instanceof ChanStruct s) {
            return 8 + 8 * s.type().fieldNames().length;
        }
        return 8;
    }
}
