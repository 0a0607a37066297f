package chan.builtins;

import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.Compare;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The sort behind the {@code list} module's sort and sort_on (the intrinsic {@code intrinsic_sort_less}:
 * BuiltinTable), done in Java where the Chan merge sort of {@code list.sort_by} pushed every element
 * onto a new list at every level: 200 000 ints took 5–11 s in a fresh run (as the machine was
 * loaded), and take ~0.3 s.
 *
 * <p>It orders by the language's {@code <} ({@link Compare#less}, what LessNode calls), not by the
 * total order of the built-in {@code sort}, and it is the very merge sort of {@code list.sort_by}
 * in stdlib/list.chan: the same halves (the first one {@code n / 2} long), the same merge (an element
 * of the second half goes first only when it is less than the first half's). It therefore makes the
 * same comparisons in the same order as {@code sort_by(xs, fn (a, b) => a < b)}, so what was not a
 * plain order comes out as it did: NaN, unordered with everything, stays where those comparisons leave
 * it, and of values {@code <} cannot compare the first pair compared raises the same error. A library
 * sort (TimSort) would compare other pairs, and may refuse an inconsistent order outright.
 */
final class LessSort {
    private LessSort() {
    }

    /**
     * The elements of {@code values} in the order that sorting their {@code keys} (a list as long,
     * keys[i] belonging to values[i]) by {@code <} gives, stable. A list shorter than 2 comes back as is.
     */
    @TruffleBoundary
    static ChanList sort(Object keyList, Object valueList) {
        ChanList values = Args.list("list.sort", valueList);
        Object[] keys = Args.list("list.sort", keyList).toArray();
        if (keys.length != values.size()) {
            throw new ChanError("list.sort: " + keys.length + " keys for " + values.size() + " values");
        }
        if (keys.length < 2) {
            return values;
        }
        Object[] items = values.toArray();
        sort(keys, items, 0, keys.length, new Object[keys.length], new Object[keys.length]);
        return ChanList.of(items);
    }

    /** Sorts the range [from, to) of keys, moving items alongside; the scratch arrays are as long. */
    private static void sort(Object[] keys, Object[] items, int from, int to, Object[] keyScratch, Object[] itemScratch) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        int mid = from + n / 2;
        sort(keys, items, from, mid, keyScratch, itemScratch);
        sort(keys, items, mid, to, keyScratch, itemScratch);
        merge(keys, items, from, mid, to, keyScratch, itemScratch);
    }

    /** Merges the sorted ranges [from, mid) and [mid, to); on a tie the first range's element goes first. */
    private static void merge(Object[] keys, Object[] items, int from, int mid, int to, Object[] keyScratch, Object[] itemScratch) {
        System.arraycopy(keys, from, keyScratch, from, to - from);
        System.arraycopy(items, from, itemScratch, from, to - from);
        int i = from;
        int j = mid;
        int out = from;
        while (i < mid && j < to) {
            if (Compare.less(keyScratch[j], keyScratch[i])) {
                keys[out] = keyScratch[j];
                items[out++] = itemScratch[j++];
            } else {
                keys[out] = keyScratch[i];
                items[out++] = itemScratch[i++];
            }
        }
        // One side is used up; the rest of the other is already in order.
        for (; i < mid; i++) {
            keys[out] = keyScratch[i];
            items[out++] = itemScratch[i];
        }
        for (; j < to; j++) {
            keys[out] = keyScratch[j];
            items[out++] = itemScratch[j];
        }
    }
}
