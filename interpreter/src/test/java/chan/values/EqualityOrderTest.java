// Checks the laws of ==, map-key equality and ValueOrder, and how they treat 1 vs 1.0, -0.0 and NaN.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

class EqualityOrderTest {
    private static final ChanStructType POINT = new ChanStructType("Point", new String[] {"x", "y"});

    /** One or two values of every kind, with the awkward numbers. */
    static List<Object> samples() {
        ChanArray array = new ChanArray(2, 1L);
        ChanDict dict = new ChanDict();
        dict.put("k", 1L);
        return new ArrayList<>(List.of(ChanNil.NIL, false, true, -1L, 0L, 1L, 2L, -0.0, 0.0, 1.0, 1.5,
                        Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, BigInteger.TWO.pow(70),
                        BigInteger.TWO.pow(70).negate(), 0x1p70, Long.MAX_VALUE, 0x1p63,
                        ChanAtom.of("a"), ChanAtom.of("b"), "", "a", "ab", "b", "\uFFFF", "😀",
                        ChanTuple.EMPTY, new ChanTuple(1L), new ChanTuple(1.0), new ChanTuple(1L, 2L),
                        ChanList.EMPTY, ChanList.of(1L), ChanList.of(1L, "x"), ChanMap.EMPTY, ChanMap.of(1L, 2L),
                        ChanMap.of(1.0, 2L), ChanStruct.of(POINT, new Object[] {1L, 2L}), array, dict,
                        new ChanArray(2, 1L)));
    }

    @Test
    void orderIsATotalOrderConsistentWithMapKeyEqualityAndHashing() {
        List<Object> xs = samples();
        for (Object a : xs) {
            for (Object b : xs) {
                int ab = ValueOrder.INSTANCE.compare(a, b);
                assertEquals(-Integer.signum(ab), Integer.signum(ValueOrder.INSTANCE.compare(b, a)), a + " vs " + b);
                assertEquals(ab == 0, Equality.same(a, b), a + " vs " + b);
                assertEquals(ab == 0, a.equals(b), a + " vs " + b);
                if (ab == 0) {
                    assertEquals(a.hashCode(), b.hashCode(), a + " vs " + b);
                }
                for (Object c : xs) {
                    if (ab <= 0 && ValueOrder.INSTANCE.compare(b, c) <= 0) {
                        assertTrue(ValueOrder.INSTANCE.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }

    @Test
    void orderOfKinds() {
        List<Object> sorted = new ArrayList<>(List.of(ChanList.EMPTY, "s", ChanAtom.of("z"), 1L, true,
                        ChanNil.NIL, ChanTuple.EMPTY, ChanMap.EMPTY));
        sorted.sort(ValueOrder.INSTANCE);
        assertEquals("[nil, true, 1, :z, \"s\", (), [], {}]", Display.print(ChanList.from(sorted)));
    }

    @Test
    void numbersInterleaveIntBeforeEqualFloat() {
        List<Object> xs = new ArrayList<>(List.of(Double.NaN, 1.0, 0.0, 1L, -0.0, 0L, 0.5, BigInteger.TWO.pow(64),
                        Double.POSITIVE_INFINITY, -1L));
        xs.sort(ValueOrder.INSTANCE);
        assertEquals("[-1, 0, -0.0, 0.0, 0.5, 1, 1.0, 18446744073709551616, inf, nan]",
                        Display.print(ChanList.from(xs)));
    }

    @Test
    void stringsByCodePointNotUtf16() {
        assertTrue(ValueOrder.INSTANCE.compare("\uFFFF", "😀") < 0); // U+FFFF < U+1F600
        assertTrue("\uFFFF".compareTo("😀") > 0); // ...which Java's UTF-16 order gets wrong
        assertTrue(Compare.less("\uFFFF", "😀"));
    }

    @Test
    void languageEqualityIsNumericAcrossIntAndFloat() {
        assertTrue(Equality.equal(1L, 1.0));
        assertTrue(Equality.equal(ChanList.of(1L, new ChanTuple(2L)), ChanList.of(1.0, new ChanTuple(2.0))));
        assertTrue(Equality.equal(-0.0, 0L));
        assertFalse(Equality.equal(Double.NaN, Double.NaN));
        assertFalse(Equality.equal(ChanList.of(Double.NaN), ChanList.of(Double.NaN)));
        assertTrue(Equality.equal(BigInteger.TWO.pow(70), 0x1p70));
        assertFalse(Equality.equal((1L << 53) + 1, 0x1p53)); // not rounded to a double first
        assertFalse(Equality.equal(1L, "1"));
        assertFalse(Equality.equal(ChanList.of(1L), new ChanTuple(1L)));
        assertFalse(Equality.equal(ChanMap.of(1L, "a"), ChanMap.of(1.0, "a"))); // keys are distinct keys
        assertTrue(Equality.equal(ChanMap.of("a", 1L), ChanMap.of("a", 1.0))); // values use ==
    }

    @Test
    void mapKeyEqualityIsExact() {
        assertFalse(Equality.same(1L, 1.0));
        assertFalse(Equality.same(0.0, -0.0));
        assertTrue(Equality.same(Double.NaN, Double.NaN));
        assertTrue(Equality.same(new ChanTuple("a", 1L), new ChanTuple("a", 1L)));
    }

    @Test
    void structsEqualByTypeNameFieldsAndValues() {
        ChanStructType samePoint = new ChanStructType("Point", new String[] {"x", "y"});
        ChanStructType other = new ChanStructType("Vec", new String[] {"x", "y"});
        ChanStruct p = ChanStruct.of(POINT, new Object[] {1L, 2L});
        assertTrue(Equality.equal(p, ChanStruct.of(samePoint, new Object[] {1.0, 2L})));
        assertFalse(Equality.equal(p, ChanStruct.of(other, new Object[] {1L, 2L})));
        assertTrue(Equality.equal(p.with(new int[] {1}, new Object[] {5L}), ChanStruct.of(POINT, new Object[] {1L, 5L})));
    }

    @Test
    void arraysAndDictsCompareStructurallyEvenWhenCyclic() {
        ChanArray a = new ChanArray(2, 0L);
        ChanArray b = new ChanArray(2, 0L);
        assertTrue(Equality.equal(a, b));
        a.set(1, a);
        b.set(1, b);
        assertTrue(Equality.equal(a, b));
        assertEquals(0, ValueOrder.INSTANCE.compare(a, b));
        b.set(0, 1L);
        assertFalse(Equality.equal(a, b));
        ChanDict d = new ChanDict();
        ChanDict e = new ChanDict();
        d.put("x", 1L);
        d.put("y", 2L);
        e.put("y", 2.0);
        e.put("x", 1L);
        assertTrue(Equality.equal(d, e)); // insertion order does not matter, values use ==
        assertFalse(Equality.same(d, e));
    }

    @Test
    void foreignValuesUseIdentityAndAStableOrder() {
        Object t1 = new Named("<thread 1>");
        Object t2 = new Named("<thread 2>");
        assertFalse(Equality.equal(t1, t2));
        assertTrue(Equality.equal(t1, t1));
        assertTrue(ValueOrder.INSTANCE.compare(t1, t2) < 0);
        Object twin = new Named("<thread 1>");
        assertEquals(-Integer.signum(ValueOrder.INSTANCE.compare(t1, twin)),
                        Integer.signum(ValueOrder.INSTANCE.compare(twin, t1)));
        assertTrue(ValueOrder.INSTANCE.compare(t1, twin) != 0);
    }

    private record Named(String name) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
