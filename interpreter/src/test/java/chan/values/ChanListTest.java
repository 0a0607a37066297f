// Checks lists against a java.util.ArrayList model across the vector's node boundaries (32, 1024,
// 32768 elements): push, set, concat (appended and prepended), slice and from give the same
// elements, length, hash and mutable count; a list never sees a later write to the array it was made from.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChanListTest {
    /** Asserts that {@code list} holds exactly {@code model}, read by index and by iterator. */
    private static void assertSameElements(List<Object> model, ChanList list) {
        assertEquals(model.size(), list.size());
        int i = 0;
        for (Object v : list) {
            assertEquals(model.get(i), v, "element " + i + " by iterator");
            i++;
        }
        assertEquals(model.size(), i);
        for (int k : new int[] {0, 31, 32, 33, 1023, 1024, 1025, 32767, 32768, model.size() / 2, model.size() - 1}) {
            if (k >= 0 && k < model.size()) {
                assertEquals(model.get(k), list.get(k), "element " + k + " by index");
            }
        }
        assertEquals(model, List.of(list.toArray()));
        assertEquals(ChanList.from(model).hashCode(), list.hashCode(), "hash of equal lists");
        assertEquals(model.stream().anyMatch(Copying::hasMutable), list.containsMutable(), "mutable count");
    }

    @Test
    void pushAcrossNodeBoundariesKeepsEveryElementAndEveryEarlierList() {
        List<Object> model = new ArrayList<>();
        ChanList list = ChanList.EMPTY;
        ChanList at1024 = null;
        for (long i = 0; i < 40_000; i++) {
            list = list.push(i);
            model.add(i);
            if (i == 1023) {
                at1024 = list;
            }
        }
        assertSameElements(model, list);
        assertSameElements(model.subList(0, 1024), at1024);
        assertSameElements(model, ChanList.from(model));
    }

    @Test
    void randomOperationsAgreeWithTheModel() {
        Random random = new Random(42);
        List<Object> model = new ArrayList<>();
        ChanList list = ChanList.EMPTY;
        for (int step = 0; step < 3_000; step++) {
            int op = random.nextInt(10);
            if (op < 5 || model.isEmpty()) {
                Object v = random.nextInt(20) == 0 ? new ChanArray(1, 0L) : (Object) (long) step;
                list = list.push(v);
                model.add(v);
            } else if (op < 7) {
                int i = random.nextInt(model.size());
                Object v = random.nextBoolean() ? new ChanArray(1, 0L) : (Object) ("s" + step);
                list = list.set(i, v);
                model.set(i, v);
            } else if (op < 8) {
                int from = random.nextInt(model.size() + 1);
                int to = from + random.nextInt(model.size() - from + 1);
                list = list.slice(from, to);
                model = new ArrayList<>(model.subList(from, to));
            } else if (op < 9) {
                ChanList other = ChanList.from(model.subList(0, random.nextInt(model.size() + 1)));
                list = list.concat(other);
                model.addAll(new ArrayList<>(model.subList(0, other.size())));
            } else {
                List<Object> front = new ArrayList<>();
                for (int k = random.nextInt(40); k > 0; k--) {
                    front.add(random.nextInt(20) == 0 ? new ChanArray(1, 0L) : (Object) (long) -k);
                }
                list = ChanList.from(front).concat(list); // the shorter list in front: prepended
                model.addAll(0, front);
            }
            if (step % 100 == 0) {
                assertSameElements(model, list);
            }
        }
        assertSameElements(model, list);
    }

    @Test
    void aSliceCountsTheArraysItKeeps() {
        ChanArray array = new ChanArray(1, 0L);
        List<Object> model = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            model.add(i == 10 || i == 4_990 ? array : (Object) i);
        }
        ChanList list = ChanList.from(model);
        assertTrue(list.slice(1, 5_000).containsMutable(), "a tail keeps both arrays");
        assertTrue(list.slice(11, 5_000).containsMutable(), "a tail past the first keeps the second");
        assertFalse(list.slice(11, 4_990).containsMutable(), "the middle has none");
        assertTrue(list.slice(4_000, 4_995).containsMutable(), "a short slice with one");
        assertFalse(list.slice(20, 30).containsMutable(), "a short slice without");
        ChanList tail = list;
        for (int i = 0; i < 11; i++) {
            tail = tail.slice(1, tail.size());
        }
        assertTrue(tail.containsMutable());
        assertFalse(tail.slice(0, 4_979).containsMutable());
    }

    @Test
    void aListIsNotTheArrayItWasMadeFrom() {
        Object[] values = {1L, 2L, 3L};
        ChanList list = ChanList.of(values);
        values[0] = "changed";
        assertEquals("[1, 2, 3]", list.toString());
        Object[] out = list.toArray();
        out[1] = "changed";
        assertEquals("[1, 2, 3]", list.toString());
    }
}
