// Checks the display forms of every value kind: the contract's example exactly, print vs repr, escapes.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

class DisplayTest {
    private static final ChanAtom B = ChanAtom.of("b");

    @Test
    void contractExample() {
        Object v = ChanList.of(1L, "a", B, new ChanTuple(2L, 3.0), ChanMap.of("k", ChanNil.NIL));
        assertEquals("[1, \"a\", :b, (2, 3.0), {\"k\" => nil}]", Display.print(v));
    }

    @Test
    void stringsAreRawOnlyAtTopLevel() {
        assertEquals("hi", Display.print("hi"));
        assertEquals("\"hi\"", Display.repr("hi"));
        assertEquals("(\"hi\",)", Display.print(new ChanTuple("hi")));
    }

    @Test
    void scalars() {
        assertEquals("nil", Display.print(ChanNil.NIL));
        assertEquals("true", Display.print(true));
        assertEquals("-42", Display.print(-42L));
        assertEquals("18446744073709551616", Display.print(BigInteger.TWO.pow(64)));
        assertEquals(":ok", Display.print(ChanAtom.of("ok")));
    }

    @Test
    void tuples() {
        assertEquals("()", Display.print(ChanTuple.EMPTY));
        assertEquals("(1,)", Display.print(new ChanTuple(1L)));
        assertEquals("(1, :a)", Display.print(new ChanTuple(1L, ChanAtom.of("a"))));
    }

    @Test
    void emptyCollections() {
        assertEquals("[]", Display.print(ChanList.EMPTY));
        assertEquals("{}", Display.print(ChanMap.EMPTY));
        assertEquals("array[]", Display.print(new ChanArray(0, 0L)));
        assertEquals("dict{}", Display.print(new ChanDict()));
    }

    @Test
    void mapsDisplayInKeyOrder() {
        ChanMap m = ChanMap.of("b", 2L, B, 1L, "a", 1L, 3L, ChanNil.NIL);
        assertEquals("{3 => nil, :b => 1, \"a\" => 1, \"b\" => 2}", Display.print(m));
    }

    @Test
    void structsArraysDicts() {
        ChanStructType point = new ChanStructType("Point", new String[] {"x", "y"});
        assertEquals("Point{x: 1, y: \"s\"}", Display.print(ChanStruct.of(point, new Object[] {1L, "s"})));
        assertEquals("array[0, 0, 0]", Display.print(new ChanArray(3, 0L)));
        ChanDict d = new ChanDict();
        d.put("z", 1L);
        d.put("a", 2L);
        assertEquals("dict{\"z\" => 1, \"a\" => 2}", Display.print(d)); // insertion order
    }

    @Test
    void escapes() {
        assertEquals("\"a\\n\\\"b\\\"\"", Display.repr("a\n\"b\""));
        assertEquals("\"\\t\\\\\"", Display.repr("\t\\"));
        assertEquals("\"\\u{1F}\\r\\u{7F}\\u{0}\"", Display.repr("\u001f\r\u007f\0"));
        assertEquals("\"😀é\"", Display.repr("😀é"));
        assertEquals("\"\\u{200D}\\u{A0}\"", Display.repr("\u200d\u00a0"));
    }

    @Test
    void selfContainingArrayIsCut() {
        ChanArray a = new ChanArray(2, 0L);
        a.set(1, a);
        assertEquals("array[0, array[...]]", Display.print(a));
        ChanDict d = new ChanDict();
        d.put("me", d);
        assertEquals("dict{\"me\" => dict{...}}", Display.print(d));
    }

    @Test
    void sharedButAcyclicArrayIsShownTwice() {
        ChanArray a = new ChanArray(1, 7L);
        assertEquals("[array[7], array[7]]", Display.print(ChanList.of(a, a)));
    }

    @Test
    void foreignValuesUseToString() {
        Object thread = new Object() {
            @Override
            public String toString() {
                return "<thread 7>";
            }
        };
        assertEquals("[<thread 7>]", Display.print(ChanList.of(thread)));
    }

    @Test
    void registeredFormsWinOverToString() {
        record Handle(int id) {
        }
        Display.register(Handle.class, h -> "<thread " + ((Handle) h).id() + ">");
        assertEquals("(<thread 3>,)", Display.print(new ChanTuple(new Handle(3))));
        assertEquals("<thread 3>", Display.print(new Handle(3)));
    }
}
