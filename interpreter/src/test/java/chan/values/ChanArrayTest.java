// Checks the array's storage kinds: primitive storage while the fill's type holds, Object[] storage
// with int slots (an int kept unboxed in the companion long[], marked by a null object slot once the companion exists; before, a null slot is nil) once
// other values arrive, and that reads, equality, hashing, display, slicing and copying do not depend
// on where an element is kept.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class ChanArrayTest {
    /** The record {@code [7, array[0], "s", nil]}: ints and objects in one Object[] storage. */
    private static ChanArray record() {
        ChanArray r = new ChanArray(4, ChanNil.NIL);
        r.set(0, 7L);
        r.set(1, new ChanArray(1, 0L));
        r.set(2, "s");
        return r;
    }

    @Test
    void anIntIntoObjectsGoesToAnIntSlot() {
        ChanArray r = new ChanArray(3, ChanNil.NIL);
        assertTrue(r.isObjects());
        assertFalse(r.hasInts()); // no companion until an int arrives
        r.set(1, 42L);
        assertTrue(r.hasInts());
        assertNull(r.objects()[1]);
        assertEquals(42L, r.ints()[1]);
        assertEquals(42L, r.get(1));
        assertSame(ChanNil.NIL, r.get(0));
        assertEquals("array[nil, 42, nil]", r.toString());
    }

    @Test
    void aSlotChangesKindBothWays() {
        ChanArray r = record();
        r.set(0, "now a string");
        assertEquals("now a string", r.get(0));
        r.set(0, -3L);
        assertEquals(-3L, r.get(0));
        assertNull(r.objects()[0]);
        r.set(0, 2.5);
        assertEquals(2.5, r.get(0));
        r.set(0, BigInteger.TWO.pow(70)); // a big int is an object, not an int slot
        assertEquals(BigInteger.TWO.pow(70), r.get(0));
        assertEquals(ChanNil.NIL, r.get(3));
    }

    @Test
    void generalizingIntsKeepsThemUnboxed() {
        ChanArray a = new ChanArray(3, 5L);
        assertTrue(a.isLongs());
        long[] longs = a.longs();
        a.set(1, "x");
        assertTrue(a.isObjects());
        assertFalse(a.isLongs()); // exactly one kind: the old kind's field is cleared
        assertNull(a.longs());
        assertSame(longs, a.ints()); // the long[] became the companion: nothing boxed
        assertNull(a.objects()[0]);
        assertArrayEquals(new Object[] {5L, "x", 5L}, a.toArray());
    }

    @Test
    void generalizingFloatsOrBoolsBoxesThemAndIntsStillGetSlots() {
        ChanArray f = new ChanArray(2, 0.5);
        f.set(0, 3L);
        assertTrue(f.isObjects());
        assertFalse(f.isDoubles());
        assertArrayEquals(new Object[] {3L, 0.5}, f.toArray());
        ChanArray b = new ChanArray(2, true);
        b.set(1, 4L);
        assertTrue(b.isObjects());
        assertFalse(b.isBooleans());
        assertArrayEquals(new Object[] {true, 4L}, b.toArray());
        assertEquals("array[true, 4]", b.toString());
    }

    @Test
    void equalityAndHashIgnoreWhereAnIntIsKept() {
        ChanArray slots = new ChanArray(2, ChanNil.NIL);
        slots.set(0, 1L);
        slots.set(1, 1L);
        ChanArray generalized = new ChanArray(2, "x");
        generalized.set(0, 1L);
        generalized.set(1, 1L);
        ChanArray primitive = new ChanArray(2, 1L);
        for (ChanArray x : new ChanArray[] {slots, generalized, primitive}) {
            for (ChanArray y : new ChanArray[] {slots, generalized, primitive}) {
                assertTrue(Equality.equal(x, y));
                assertEquals(x.hashCode(), y.hashCode());
                assertEquals(x.toString(), y.toString());
            }
        }
        slots.set(1, 2L);
        assertFalse(Equality.equal(slots, primitive));
        assertEquals(2L, slots.get(1));
        assertEquals(1L, generalized.get(1));
    }

    @Test
    void aNilFillLeavesNullSlotsUntilTheFirstInt() {
        ChanArray a = new ChanArray(3, ChanNil.NIL);
        assertArrayEquals(new Object[3], a.objects()); // no fill: a fresh Object[], as Java's new Object[3]
        assertFalse(a.hasInts());
        assertSame(ChanNil.NIL, a.get(1));
        assertSame(ChanNil.NIL, a.objectsElement(2));
        assertArrayEquals(new Object[] {ChanNil.NIL, ChanNil.NIL, ChanNil.NIL}, a.toArray());
        assertEquals("array[nil, nil]", a.slice(1, 3).toString());
        a.set(0, "s");
        assertTrue(Equality.equal(a, ChanArray.of("s", ChanNil.NIL, ChanNil.NIL)));
        a.set(2, 5L); // the first int: the null (nil) slots become NIL, a null slot is an int slot now
        assertArrayEquals(new Object[] {"s", ChanNil.NIL, null}, a.objects());
        assertEquals(5L, a.ints()[2]);
        assertEquals("array[\"s\", nil, 5]", a.toString());
        assertSame(ChanNil.NIL, a.get(1));
        ChanArray fromLongs = new ChanArray(2, 4L);
        fromLongs.set(0, ChanNil.NIL); // generalized: every null slot an int slot
        assertEquals("array[nil, 4]", fromLongs.toString());
    }

    @Test
    void noObjectSlotHoldsABoxedInt() {
        ChanArray built = ChanArray.of(1L, "a", 2L);
        assertNull(built.objects()[0]);
        assertEquals("a", built.objects()[1]);
        assertNull(built.objects()[2]);
        assertArrayEquals(new long[] {1L, 0L, 2L}, built.ints());
        assertArrayEquals(new Object[] {1L, "a", 2L}, built.toArray());
    }

    @Test
    void slicesAndCopiesCarryTheirOwnIntSlots() {
        ChanArray r = record();
        ChanArray part = r.slice(0, 3);
        assertEquals("array[7, array[0], \"s\"]", part.toString());
        part.set(0, 8L);
        assertEquals(7L, r.get(0)); // the slice has its own long[]
        ChanArray copy = r.shallowCopy();
        copy.set(0, 9L);
        assertEquals(7L, r.get(0));
        assertSame(r.get(1), copy.get(1)); // shallow: the inner array is shared
        assertTrue(Equality.equal(r.toList(), ChanList.of(7L, r.get(1), "s", ChanNil.NIL)));
    }

    @Test
    void aTransferCopiesIntSlotsAndInnerArrays() {
        ChanArray r = record();
        ChanArray sent = (ChanArray) Copying.copyForTransfer(r);
        assertNotSame(r, sent);
        assertTrue(Equality.equal(r, sent));
        assertNotSame(r.get(1), sent.get(1));
        assertTrue(sent.hasInts());
        sent.set(0, 100L);
        ((ChanArray) sent.get(1)).set(0, 1L);
        assertEquals("array[7, array[0], \"s\", nil]", r.toString());
        assertEquals("array[100, array[1], \"s\", nil]", sent.toString());
    }

    @Test
    void outOfRangeIsAnErrorWhateverTheStorage() {
        ChanArray r = record();
        ArithTest.assertError("index 4 out of range for array of length 4", () -> r.set(4, 1L));
        ArithTest.assertError("index -1 out of range for array of length 4", () -> r.get(-1));
    }

    @Test
    void slicesKeepTheKindAndItsSlots() {
        ChanArray d = new ChanArray(4, 1.5);
        ChanArray part = d.slice(1, 3);
        assertTrue(part.isDoubles());
        assertFalse(part.isObjects());
        assertArrayEquals(new Object[] {1.5, 1.5}, part.toArray());
        ChanArray mixed = ChanArray.of(1L, "a", 2L);
        ChanArray tail = mixed.slice(1, 3);
        assertTrue(tail.isObjects());
        assertFalse(tail.isLongs());
        assertArrayEquals(new long[] {0L, 2L}, tail.ints());
        assertArrayEquals(new Object[] {"a", 2L}, tail.toArray());
    }

    @Test
    void anInlineSlotIsThereExactlyWhenTheIndexIsInRange() {
        for (int n = 0; n <= 3; n++) {
            for (long i = -1; i <= 3; i++) {
                boolean expected = n <= ChanArray.INLINE && i >= 0 && i < n;
                assertEquals(expected, new ChanArray(n, ChanNil.NIL).hasInlineSlot(i), n + " slots, slot " + i);
                assertEquals(expected, new ChanArray(n, "s").hasInlineSlot(i), n + " slots of strings, slot " + i);
                assertFalse(new ChanArray(n, 1L).hasInlineSlot(i), n + " ints, slot " + i);
                ChanArray generalized = new ChanArray(n, 1L);
                if (n > 0) {
                    generalized.set(0, "s"); // ints to objects: inline again if small
                }
                assertEquals(n > 0 && expected, generalized.hasInlineSlot(i), n + " generalized, slot " + i);
            }
        }
    }

    @Test
    void arraysOfAtMostTwoObjectsKeepTheirSlotsInline() {
        for (int n = 0; n <= 3; n++) {
            ChanArray a = new ChanArray(n, ChanNil.NIL);
            assertEquals(n <= ChanArray.INLINE, a.isInline());
            assertTrue(a.isObjects());
            assertEquals(n <= ChanArray.INLINE, new ChanArray(n, "s").isInline());
            assertFalse(new ChanArray(n, 1L).isInline());
        }
        ChanArray disk = new ChanArray(2, ChanNil.NIL);
        assertEquals(0, disk.objects().length); // the marker: every Object[] bounds guard fails on it
        assertSame(ChanNil.NIL, disk.get(1));
        disk.set(0, 3L); // the first int: the nil slot becomes NIL, a null slot is an int slot now
        assertNull(disk.inlineSlot(0));
        assertSame(ChanNil.NIL, disk.inlineSlot(1));
        assertEquals(3L, disk.ints()[0]);
        disk.set(1, "next");
        assertEquals("next", disk.inlineSlot(1));
        assertEquals("array[3, \"next\"]", disk.toString());
        assertTrue(Equality.equal(disk, ChanArray.of(3L, "next")));
        disk.set(0, "now a string");
        disk.set(1, 4L);
        assertArrayEquals(new Object[] {"now a string", 4L}, disk.toArray());
        assertNull(disk.inlineSlot(1)); // no object slot holds a boxed int, inline or not
    }

    @Test
    void inlineSlotsGeneralizeSliceAndCopyLikeTheOthers() {
        ChanArray widened = new ChanArray(2, 1L);
        long[] longs = widened.longs();
        widened.set(1, "x");
        assertTrue(widened.isInline());
        assertSame(longs, widened.ints()); // the long[] became the companion: nothing boxed
        assertNull(widened.inlineSlot(0));
        assertArrayEquals(new Object[] {1L, "x"}, widened.toArray());
        ChanArray bools = new ChanArray(1, true);
        bools.set(0, ChanNil.NIL);
        assertTrue(bools.isInline());
        assertEquals("array[nil]", bools.toString());
        ChanArray three = ChanArray.of(1L, "b", ChanNil.NIL);
        assertFalse(three.isInline());
        ChanArray two = three.slice(0, 2);
        assertTrue(two.isInline());
        assertArrayEquals(new long[] {1L, 0L}, two.ints());
        two.set(0, 11L);
        assertEquals(1L, three.get(0)); // the slice has its own long[]
        ChanArray grown = ChanArray.of(two.get(0), two.get(1), 5L);
        assertEquals("array[11, \"b\", 5]", grown.toString());
        ChanArray record = new ChanArray(2, ChanNil.NIL);
        record.set(0, 7L);
        record.set(1, new ChanArray(1, 0L));
        ChanArray sent = (ChanArray) Copying.copyForTransfer(record);
        assertTrue(sent.isInline());
        assertTrue(Equality.equal(record, sent));
        assertNotSame(record.get(1), sent.get(1));
        sent.set(0, 8L);
        assertEquals(7L, record.get(0));
        assertEquals(record.hashCode(), sent.hashCode());
        ArithTest.assertError("index 2 out of range for array of length 2", () -> record.set(2, 1L));
        ArithTest.assertError("index -1 out of range for array of length 2", () -> record.get(-1));
    }
}
