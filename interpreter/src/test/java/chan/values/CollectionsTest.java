// Checks lists, maps, tuples, arrays and dicts: persistence, key order and distinction, index errors.
package chan.values;

import static chan.values.ArithTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollectionsTest {
    @Test
    void listsArePersistent() {
        ChanList xs = ChanList.of(1L, 2L);
        ChanList ys = xs.push(3L);
        ChanList zs = ys.set(0, "a");
        assertEquals("[1, 2]", xs.toString());
        assertEquals("[1, 2, 3]", ys.toString());
        assertEquals("[\"a\", 2, 3]", zs.toString());
        assertEquals("[1, 2, 1, 2, 3]", xs.concat(ys).toString());
        assertSame(xs, xs.concat(ChanList.EMPTY));
        assertEquals("[2, 3]", ys.slice(1, 3).toString());
        assertError("index 3 out of range for list of length 3", () -> ys.get(3));
        assertError("index -1 out of range for list of length 2", () -> xs.set(-1, 0L));
    }

    @Test
    void mapsAreSortedAndKeepIntAndFloatKeysApart() {
        ChanMap m = ChanMap.of(1L, "int", 1.0, "float", "k", 0L);
        assertEquals(3, m.size());
        assertEquals("int", m.get(1L));
        assertEquals("float", m.get(1.0));
        assertEquals("{1 => \"int\", 1.0 => \"float\", \"k\" => 0}", m.toString());
        assertEquals("[1, 1.0, \"k\"]", m.keys().toString());
        assertEquals("[\"int\", \"float\", 0]", m.values().toString());
        assertSame(ChanNil.NIL, m.get("absent"));
        ChanMap n = m.del(1L).put("k", 9L);
        assertEquals("{1.0 => \"float\", \"k\" => 9}", n.toString());
        assertEquals(3, m.size()); // unchanged
        assertSame(m, m.del("absent"));
    }

    @Test
    void negativeZeroAndNaNAsKeys() {
        ChanMap m = ChanMap.of(0.0, "pos", -0.0, "neg", Double.NaN, "a", Double.NaN, "b");
        assertEquals("{-0.0 => \"neg\", 0.0 => \"pos\", nan => \"b\"}", m.toString());
        ChanDict d = new ChanDict();
        d.put(Double.NaN, 1L);
        d.put(Double.NaN, 2L);
        d.put(0.0, 3L);
        d.put(-0.0, 4L);
        assertEquals("dict{nan => 2, 0.0 => 3, -0.0 => 4}", d.toString());
    }

    @Test
    void keysMustBeImmutable() {
        ChanArray a = new ChanArray(1, 0L);
        assertError("map key must be immutable, got array", () -> ChanMap.EMPTY.put(a, 1L));
        assertError("dict key must be immutable, got tuple with an array or dict inside", () -> new ChanDict().put(new ChanTuple(new ChanDict()), 1L));
        assertSame(ChanNil.NIL, ChanMap.of(1L, 2L).get(a)); // a lookup just finds nothing
        assertFalse(new ChanDict().containsKey(a));
    }

    @Test
    void dictsKeepInsertionOrderAndStructuralKeys() {
        ChanDict d = new ChanDict();
        d.put(new ChanTuple(1L, "x"), "first");
        d.put("b", 2L);
        d.put(new ChanTuple(1L, "x"), "again"); // same key: replaced in place
        d.put(1L, "int");
        d.put(1.0, "float");
        assertEquals("dict{(1, \"x\") => \"again\", \"b\" => 2, 1 => \"int\", 1.0 => \"float\"}", d.toString());
        assertEquals("int", d.get(1L));
        assertEquals(ChanNil.NIL, d.remove("zzz"));
        assertEquals(2L, d.remove("b"));
        assertEquals("[(1, \"x\"), 1, 1.0]", d.keys().toString());
    }

    @Test
    void tuplesAndArraysCheckIndexes() {
        assertError("index 2 out of range for tuple of length 2", () -> new ChanTuple(1L, 2L).get(2));
        ChanArray a = new ChanArray(3, 0L);
        a.set(2, "x");
        assertEquals("array[0, 0, \"x\"]", a.toString());
        assertError("index 3 out of range for array of length 3", () -> a.set(3, 1L));
        assertError("index -1 out of range for array of length 3", () -> a.get(-1));
    }

    @Test
    void structFieldsByName() {
        ChanStructType req = new ChanStructType("Req", new String[] {"op", "addr"});
        assertEquals(1, req.fieldIndex("addr"));
        assertEquals(-1, req.fieldIndex("nope"));
        ChanStruct r = ChanStruct.of(req, new Object[] {ChanAtom.of("map"), 4096L});
        assertEquals(4096L, r.get("addr"));
        assertError("struct Req has no field nope", () -> r.get("nope"));
        ChanStruct s = r.with(new int[] {1}, new Object[] {0L});
        assertEquals("Req{op: :map, addr: 0}", s.toString());
        assertEquals("Req{op: :map, addr: 4096}", r.toString());
    }

    @Test
    void atomsAreInterned() {
        assertSame(ChanAtom.of("ok"), ChanAtom.of("ok"));
        assertEquals("ok", ChanAtom.of("ok").name());
        assertTrue(ChanAtom.of("ok") != ChanAtom.of("error"));
    }

    @Test
    void errorValueIsTheErrorTuple() {
        assertEquals("(:error, \"division by zero\")", Display.print(ChanError.errorValue("division by zero")));
        assertEquals(ChanError.errorValue("x"), new ChanError("x").value());
        assertEquals(0, new ChanError("x").getStackTrace().length);
    }
}
