// Checks the pure built-ins of the contract: results, code-point strings, and exact error messages.
package chan.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chan.values.ChanArray;
import chan.values.ChanAtom;
import chan.values.ChanDict;
import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import chan.values.Display;
import chan.values.Types;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

class BuiltinsTest {
    static void assertError(String message, Runnable r) {
        assertEquals(message, assertThrows(ChanError.class, r::run).getMessage());
    }

    static String show(Object v) {
        return Display.repr(v);
    }

    @Test
    void lenCountsCodePoints() {
        assertEquals(1, Builtins.len("😀"));
        assertEquals(3, Builtins.len("aé😀"));
        assertEquals(2, Builtins.len(ChanList.of(1L, 2L)));
        assertEquals(0, Builtins.len(ChanTuple.EMPTY));
        assertEquals(1, Builtins.len(ChanMap.of(1L, 1L)));
        assertEquals(4, Builtins.len(new ChanArray(4, 0L)));
        assertEquals(0, Builtins.len(new ChanDict()));
        assertError("len: expected a string, list, tuple, map, array or dict, got int", () -> Builtins.len(3L));
    }

    @Test
    void typeAtoms() {
        assertSame(ChanAtom.of("int"), Builtins.type(BigInteger.TWO.pow(80)));
        assertSame(ChanAtom.of("float"), Builtins.type(1.0));
        assertSame(ChanAtom.of("nil"), Builtins.type(ChanNil.NIL));
        assertSame(ChanAtom.of("array"), Builtins.type(new ChanArray(0, 0L)));
        assertNull(Builtins.type(new Object()));
        class ChanChannelStub {
        }
        Types.register(ChanChannelStub.class, "chan");
        assertSame(ChanAtom.of("chan"), Builtins.type(new ChanChannelStub()));
    }

    @Test
    void strIsTheDisplayForm() {
        assertEquals("hi", Builtins.str("hi"));
        assertEquals("[\"hi\", 2.0]", Builtins.str(ChanList.of("hi", 2.0)));
    }

    @Test
    void intConversion() {
        assertEquals(-3L, Builtins.toInt(-3.99));
        assertEquals(new BigInteger("100000000000000000000"), Builtins.toInt(1e20));
        assertEquals(-42L, Builtins.toInt(" -0042\n"));
        assertEquals(BigInteger.TWO.pow(64), Builtins.toInt("18446744073709551616"));
        assertEquals(Long.MIN_VALUE, Builtins.toInt("-9223372036854775808"));
        assertError("int: cannot parse \"4.5\" as an int", () -> Builtins.toInt("4.5"));
        assertError("int: cannot parse \"\" as an int", () -> Builtins.toInt(""));
        assertError("int: cannot convert nan to an int", () -> Builtins.toInt(Double.NaN));
        assertError("int: expected a number or a string, got bool", () -> Builtins.toInt(true));
    }

    @Test
    void floatConversion() {
        assertEquals(3.0, Builtins.toFloat(3L));
        assertEquals(2e9, Builtins.toFloat("2e9"));
        assertEquals(0.5, Builtins.toFloat(" .5 "));
        assertEquals(Double.NEGATIVE_INFINITY, Builtins.toFloat("-inf"));
        assertEquals(Double.NaN, Builtins.toFloat("NaN"));
        assertError("float: cannot parse \"1d\" as a float", () -> Builtins.toFloat("1d"));
        assertError("float: cannot parse \"0x1p3\" as a float", () -> Builtins.toFloat("0x1p3"));
        assertError("float: expected a number or a string, got nil", () -> Builtins.toFloat(ChanNil.NIL));
    }

    @Test
    void ranges() {
        assertEquals("[0, 1, 2]", show(Builtins.range(0L, 3L)));
        assertEquals("[]", show(Builtins.range(3L, 0L)));
        assertEquals("[10, 7, 4, 1]", show(Builtins.range(10L, 0L, -3L)));
        assertEquals("[0, 5]", show(Builtins.range(0L, 10L, 5L)));
        assertEquals("[-9223372036854775808, -1, 9223372036854775806]",
                        show(Builtins.range(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)));
        assertEquals("[-9223372036854775808, -4611686018427387904, 0, 4611686018427387904]",
                        show(Builtins.range(Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62)));
        assertError("range: step must not be zero", () -> Builtins.range(0L, 3L, 0L));
        assertError("range: expected int arguments, got float", () -> Builtins.range(0L, 3.0));
        assertError("range: too many elements (18446744073709551615)", () -> Builtins.range(Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void pushPutDelKeys() {
        assertEquals("[1, 2]", show(Builtins.push(ChanList.of(1L), 2L)));
        ChanMap m = Builtins.put(ChanMap.EMPTY, "b", 1L);
        assertEquals("{\"a\" => 2, \"b\" => 1}", show(Builtins.put(m, "a", 2L)));
        assertEquals("{}", show(Builtins.del(m, "b")));
        assertEquals("[\"b\"]", show(Builtins.keys(m)));
        ChanDict d = Builtins.dict();
        Builtins.setIndex(d, "x", 1L);
        Builtins.setIndex(d, "y", 2L);
        assertSame(d, Builtins.del(d, "x"));
        assertEquals("[\"y\"]", show(Builtins.keys(d)));
        assertError("push: expected a list, got tuple", () -> Builtins.push(ChanTuple.EMPTY, 1L));
        assertError("put: expected a map, got dict; a dict is updated with d[k] = v", () -> Builtins.put(d, 1L, 1L));
        assertError("del: expected a map or dict, got list", () -> Builtins.del(ChanList.EMPTY, 1L));
        assertError("keys: expected a map or dict, got nil", () -> Builtins.keys(ChanNil.NIL));
    }

    @Test
    void indexReads() {
        assertEquals("😀", Builtins.index("a😀b", 1L));
        assertEquals("b", Builtins.index("a😀b", 2L));
        assertEquals(2L, Builtins.index(ChanList.of(1L, 2L), 1L));
        assertEquals(ChanAtom.of("a"), Builtins.index(new ChanTuple(ChanAtom.of("a")), 0L));
        assertSame(ChanNil.NIL, Builtins.index(ChanMap.of("k", 1L), "j"));
        assertEquals(1L, Builtins.index(ChanMap.of("k", 1L), "k"));
        assertSame(ChanNil.NIL, Builtins.index(Builtins.dict(), 1L));
        assertError("index 5 out of range for list of length 3", () -> Builtins.index(ChanList.of(1L, 2L, 3L), 5L));
        assertError("index -1 out of range for list of length 3", () -> Builtins.index(ChanList.of(1L, 2L, 3L), -1L));
        assertError("index 3 out of range for string of length 3", () -> Builtins.index("a😀b", 3L));
        assertError("index 18446744073709551616 out of range for tuple of length 0",
                        () -> Builtins.index(ChanTuple.EMPTY, BigInteger.TWO.pow(64)));
        assertError("list index must be an int, got float", () -> Builtins.index(ChanList.of(1L), 0.0));
        assertError("cannot index int", () -> Builtins.index(5L, 0L));
    }

    @Test
    void indexWrites() {
        ChanArray a = Builtins.array(3L, 0L);
        Builtins.setIndex(a, 1L, "x");
        assertEquals("array[0, \"x\", 0]", show(a));
        assertEquals("array[nil, nil]", show(Builtins.array(2L)));
        assertError("index 3 out of range for array of length 3", () -> Builtins.setIndex(a, 3L, 0L));
        assertError("cannot assign into an immutable list; use push, or an array",
                        () -> Builtins.setIndex(ChanList.of(1L), 0L, 2L));
        assertError("cannot assign into an immutable map; use put, or a dict",
                        () -> Builtins.setIndex(ChanMap.EMPTY, 0L, 2L));
        assertError("cannot assign into an immutable string", () -> Builtins.setIndex("abc", 0L, "x"));
        assertError("dict key must be immutable, got array", () -> Builtins.setIndex(Builtins.dict(), a, 1L));
        assertError("array: negative size -1", () -> Builtins.array(-1L));
        assertError("array: expected an int size, got string", () -> Builtins.array("3"));
    }
}
