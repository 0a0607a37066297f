package chan.values;

import java.util.ArrayList;

/**
 * The pairs of mutable containers (arrays, dicts) that a structural walk over two values is
 * currently inside. Only mutable containers can form cycles (immutable ones are built bottom-up), so
 * a walk that meets a pair already open has gone round a cycle and may treat it as equal: for
 * equality that is the standard coinductive answer, and it makes every walk terminate.
 *
 * <p>A stack with a linear search: walks are rarely more than a few containers deep.
 */
final class CyclePairs {
    private final ArrayList<Object> open = new ArrayList<>();

    /** Opens the pair; false if it is already open (the walk has gone round a cycle). */
    boolean enter(Object a, Object b) {
        for (int i = 0; i < open.size(); i += 2) {
            if (open.get(i) == a && open.get(i + 1) == b) {
                return false;
            }
        }
        open.add(a);
        open.add(b);
        return true;
    }

    /** Closes the most recently opened pair. */
    void leave() {
        open.remove(open.size() - 1);
        open.remove(open.size() - 1);
    }
}
