// Checks the extra built-ins (slice, contains, abs, min, max, ord, chr, sort, reverse, join, split, to_list).
package chan.builtins;

import static chan.builtins.BuiltinsTest.assertError;
import static chan.builtins.BuiltinsTest.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.values.ChanArray;
import chan.values.ChanAtom;
import chan.values.ChanDict;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

class ExtrasTest {
    @Test
    void sliceKeepsTheKind() {
        assertEquals("😀b", Builtins.slice("a😀bc", 1L, 3L));
        assertEquals("[2, 3]", show(Builtins.slice(ChanList.of(1L, 2L, 3L), 1L, 3L)));
        assertEquals("(1,)", show(Builtins.slice(new ChanTuple(1L, 2L), 0L, 1L)));
        ChanArray a = ChanArray.of(1L, 2L, 3L);
        ChanArray part = (ChanArray) Builtins.slice(a, 0L, 2L);
        part.set(0, 9L);
        assertEquals("array[1, 2, 3]", show(a)); // a copy, not a view
        assertEquals("[]", show(Builtins.slice(ChanList.of(1L), 1L, 1L)));
        assertError("slice [2:1] out of range for list of length 3", () -> Builtins.slice(ChanList.of(1L, 2L, 3L), 2L, 1L));
        assertError("slice [0:4] out of range for string of length 3", () -> Builtins.slice("abc", 0L, 4L));
        assertError("slice: expected a string, list, tuple or array, got map", () -> Builtins.slice(ChanMap.EMPTY, 0L, 0L));
    }

    @Test
    void containsPerKind() {
        assertTrue(Builtins.contains("hello", "ell"));
        assertTrue(Builtins.contains(ChanList.of(1L, 2L), 2.0)); // by ==
        assertTrue(Builtins.contains(new ChanTuple(ChanAtom.of("a")), ChanAtom.of("a")));
        assertTrue(Builtins.contains(ChanArray.of("x"), "x"));
        assertFalse(Builtins.contains(ChanMap.of(1L, 0L), 1.0)); // by map-key equality
        ChanDict d = Builtins.dict();
        d.put("k", 1L);
        assertTrue(Builtins.contains(d, "k"));
        assertError("contains: expected a string to look for in a string, got int", () -> Builtins.contains("a", 1L));
        assertError("contains: expected a string, list, tuple, array, map or dict, got int", () -> Builtins.contains(1L, 1L));
    }

    @Test
    void numericHelpers() {
        assertEquals(BigInteger.TWO.pow(63), Builtins.abs(Long.MIN_VALUE));
        assertEquals(2.5, Builtins.abs(-2.5));
        assertEquals(0.0, Builtins.abs(-0.0));
        assertEquals(3L, Builtins.abs(3L));
        assertEquals(3L, Builtins.abs(-3L));
        assertEquals(1.4142135623730951, Builtins.sqrt(2.0));
        assertEquals(3.0, Builtins.sqrt(9L));
        assertTrue(Double.isNaN(Builtins.sqrt(-1.0)));
        assertError("sqrt: expected a number, got string", () -> Builtins.sqrt("x"));
        assertEquals(1L, Builtins.min(1L, 2.0));
        assertEquals(2.0, Builtins.max(1L, 2.0));
        assertEquals(1L, Builtins.min(1L, 1.0)); // the first when equal
        assertEquals("b", Builtins.max("a", "b"));
        assertError("abs: expected a number, got string", () -> Builtins.abs("1"));
        assertError("min: cannot compare string and int", () -> Builtins.min("a", 1L));
        assertError("max: cannot compare int and string", () -> Builtins.max(1L, "a"));
    }

    @Test
    void characters() {
        assertEquals(0x1F600L, Builtins.ord("😀"));
        assertEquals("😀", Builtins.chr(0x1F600L));
        assertEquals("A", Builtins.chr(65L));
        assertError("ord: expected a string of one character, got a string of length 2", () -> Builtins.ord("ab"));
        assertError("ord: expected a string, got int", () -> Builtins.ord(1L));
        assertError("chr: 55296 is not a valid code point", () -> Builtins.chr(0xD800L));
        assertError("chr: 1114112 is not a valid code point", () -> Builtins.chr(0x110000L));
        assertError("chr: code point 1180591620717411303424 is too large", () -> Builtins.chr(java.math.BigInteger.ONE.shiftLeft(70)));
        assertError("chr: code point -1180591620717411303424 is too small", () -> Builtins.chr(java.math.BigInteger.ONE.shiftLeft(70).negate()));
    }

    @Test
    void sortAndReverse() {
        ChanList xs = ChanList.of(3L, "b", 1.5, ChanNil.NIL, 1L, "a", 1.0);
        assertEquals("[nil, 1, 1.0, 1.5, 3, \"a\", \"b\"]", show(Builtins.sort(xs)));
        assertEquals("[1.0, \"a\", 1, nil, 1.5, \"b\", 3]", show(Builtins.reverse(xs)));
        assertEquals("[3, \"b\", 1.5, nil, 1, \"a\", 1.0]", show(xs)); // unchanged
        assertError("sort: expected a list, got tuple", () -> Builtins.sort(ChanTuple.EMPTY));
    }

    @Test
    void joinAndSplit() {
        assertEquals("1, a, :b", Builtins.join(ChanList.of(1L, "a", ChanAtom.of("b")), ", "));
        assertEquals("", Builtins.join(ChanList.EMPTY, "-"));
        assertEquals("[\"a\", \"b\", \"\"]", show(Builtins.split("a,b,", ",")));
        assertEquals("[\"\"]", show(Builtins.split("", ",")));
        assertEquals("[\"a\", \"😀\"]", show(Builtins.split("a😀", "")));
        assertEquals("[\"a\", \"b\"]", show(Builtins.split("a::b", "::")));
        assertError("join: expected a string separator, got int", () -> Builtins.join(ChanList.EMPTY, 1L));
        assertError("split: expected a string, got list", () -> Builtins.split(ChanList.EMPTY, ","));
    }

    @Test
    void toList() {
        ChanList xs = ChanList.of(1L);
        assertTrue(xs == Builtins.toList(xs));
        assertEquals("[1, 2]", show(Builtins.toList(new ChanTuple(1L, 2L))));
        ChanArray a = ChanArray.of(1L);
        ChanList snapshot = Builtins.toList(a);
        a.set(0, 2L);
        assertEquals("[1]", show(snapshot));
        assertEquals("[\"a\", \"b\"]", show(Builtins.toList(ChanMap.of("b", 1L, "a", 2L))));
        assertEquals("[\"h\", \"😀\"]", show(Builtins.toList("h😀")));
        assertEquals("[0, 1, 2]", show(Builtins.toList(Builtins.range(0L, 3L))));
        assertEquals("[]", show(Builtins.toList(Builtins.dict())));
        assertError("to_list: expected a list, tuple, array, string, map or dict, got int", () -> Builtins.toList(1L));
    }
}
