// Checks shared-nothing transfer: immutable values pass as the same instance, arrays and dicts are copied.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CopyingTest {
    private static final ChanStructType BOX = new ChanStructType("Box", new String[] {"v"});

    @Test
    void immutableValuesAreReturnedAsTheSameInstance() {
        Object[] values = {1L, "s", ChanNil.NIL, ChanAtom.of("a"), new ChanTuple(1L, ChanList.of("x")),
            ChanList.of(ChanMap.of("k", new ChanTuple())), ChanStruct.of(BOX, new Object[] {ChanList.EMPTY})};
        for (Object v : values) {
            assertFalse(Copying.hasMutable(v));
            assertSame(v, Copying.copyForTransfer(v));
        }
    }

    @Test
    void arraysAndDictsNestedInTuplesAreCopied() {
        ChanArray a = new ChanArray(2, 0L);
        ChanDict d = new ChanDict();
        d.put("n", 1L);
        ChanTuple msg = new ChanTuple(ChanAtom.of("work"), a, ChanList.of(d), "immutable");
        assertTrue(msg.containsMutable());
        ChanTuple copy = (ChanTuple) Copying.copyForTransfer(msg);
        assertNotSame(msg, copy);
        assertTrue(Equality.equal(msg, copy));
        assertSame(msg.get(0), copy.get(0));
        ChanArray a2 = (ChanArray) copy.get(1);
        ChanDict d2 = (ChanDict) ((ChanList) copy.get(2)).get(0);
        assertNotSame(a, a2);
        assertNotSame(d, d2);
        a2.set(0, 99L);
        d2.put("n", 2L);
        assertEquals("array[0, 0]", a.toString());
        assertEquals("dict{\"n\" => 1}", d.toString());
    }

    @Test
    void aliasingAndCyclesArePreservedInTheCopy() {
        ChanArray a = new ChanArray(2, 0L);
        a.set(0, a);
        ChanTuple msg = new ChanTuple(a, a);
        ChanTuple copy = (ChanTuple) Copying.copyForTransfer(msg);
        ChanArray c = (ChanArray) copy.get(0);
        assertNotSame(a, c);
        assertSame(c, copy.get(1));
        assertSame(c, c.get(0));
    }

    @Test
    void mapsAndStructsRebuildOnlyWhatHoldsMutables() {
        ChanList plain = ChanList.of(1L, 2L);
        ChanMap m = ChanMap.of("plain", plain, "arr", new ChanArray(1, 0L));
        ChanMap copy = (ChanMap) Copying.copyForTransfer(m);
        assertSame(plain, copy.get("plain"));
        assertNotSame(m.get("arr"), copy.get("arr"));
        ChanStruct s = ChanStruct.of(BOX, new Object[] {new ChanDict()});
        assertNotSame(s.get(0), ((ChanStruct) Copying.copyForTransfer(s)).get(0));
    }

    @Test
    void flagsTrackReplacementExactly() {
        ChanList xs = ChanList.of(1L).push(new ChanArray(1, 0L));
        assertTrue(xs.containsMutable());
        assertFalse(xs.set(1, 2L).containsMutable());
        assertTrue(xs.set(0, 2L).containsMutable());
        assertFalse(xs.slice(0, 1).containsMutable());
        assertTrue(ChanList.of(1L).concat(xs).containsMutable());
        ChanMap m = ChanMap.of("a", new ChanDict());
        assertTrue(m.containsMutable());
        assertFalse(m.put("a", 1L).containsMutable());
        assertFalse(m.del("a").containsMutable());
        ChanStruct s = ChanStruct.of(BOX, new Object[] {new ChanArray(0, 0L)});
        assertFalse(s.with(new int[] {0}, new Object[] {1L}).containsMutable());
    }

    @Test
    void transferableForeignValuesTakePart() {
        ChanArray captured = new ChanArray(1, 0L);
        Closure f = new Closure(captured);
        Closure g = (Closure) ((ChanList) Copying.copyForTransfer(ChanList.of(f))).get(0);
        assertNotSame(captured, g.captured);
        assertTrue(Equality.equal(captured, g.captured));
    }

    private record Closure(ChanArray captured) implements Transferable {
        @Override
        public boolean containsMutable() {
            return true;
        }

        @Override
        public Object copyForTransfer(Copying.Copier copier) {
            return new Closure((ChanArray) copier.copy(captured));
        }
    }
}
