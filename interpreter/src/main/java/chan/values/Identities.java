package chan.values;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The order of values from other packages (channels, threads, functions), which have identity, not
 * contents: the last rank of {@link ValueOrder}.
 *
 * <p>Deterministic whenever possible, because map iteration and {@code sort} feed program output and
 * runs must be reproducible: by class name, then by {@code compareTo} if the class is
 * {@link Comparable} (the owners of such classes should make it compare creation ids), then by
 * {@code toString} ({@code <thread 7>} differs from {@code <thread 8>}). Only two objects that agree
 * on all of those fall back to the identity hash, and, if even that collides, to a tie-breaking
 * number handed out on first collision (so the order stays total and consistent with identity).
 */
final class Identities {
    private static final Map<Object, Long> TIE_BREAKS = new IdentityHashMap<>();

    private Identities() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == b || a.equals(b)) {
            return 0;
        }
        int c = a.getClass().getName().compareTo(b.getClass().getName());
        if (c != 0) {
            return c;
        }
        if (a instanceof Comparable ca) {
            c = ca.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        c = a.toString().compareTo(b.toString());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
        return c != 0 ? c : Long.compare(tieBreak(a), tieBreak(b));
    }

    // Grows only on identity-hash collisions between otherwise indistinguishable objects: rare enough
    // that keeping those few objects alive is the cheaper price for a total order.
    private static synchronized long tieBreak(Object o) {
        return TIE_BREAKS.computeIfAbsent(o, k -> (long) TIE_BREAKS.size());
    }
}
