// Checks the struct layout (the first fields inline, the rest in an array): every field reads back in
// declaration order whatever the field count, `with` changes inline and overflow fields alike, and
// equality, hashing and the mutability flag do not depend on where a field is kept; and each type
// given a class of its own makes values of that class, which no other type's values have.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ChanStructTest {
    private static ChanStructType type(int fields) {
        String[] names = new String[fields];
        for (int i = 0; i < fields; i++) {
            names[i] = "f" + i;
        }
        return new ChanStructType("S" + fields, names);
    }

    private static Object[] values(int fields) {
        Object[] values = new Object[fields];
        for (int i = 0; i < fields; i++) {
            values[i] = (long) (i * 10);
        }
        return values;
    }

    @Test
    void everyFieldReadsBackAtEveryFieldCount() {
        for (int n = 0; n <= ChanStruct.INLINE + 5; n++) {
            ChanStruct s = ChanStruct.of(type(n), values(n));
            for (int i = 0; i < n; i++) {
                assertEquals((long) (i * 10), s.get(i), "field " + i + " of " + n);
                assertEquals((long) (i * 10), s.get("f" + i));
            }
            assertTrue(Arrays.equals(values(n), s.values()));
        }
    }

    @Test
    void withReplacesInlineAndOverflowFields() {
        int n = ChanStruct.INLINE + 3;
        ChanStruct s = ChanStruct.of(type(n), values(n));
        ChanStruct t = s.with(new int[] {1, n - 1}, new Object[] {"a", "z"});
        assertEquals("a", t.get(1));
        assertEquals("z", t.get(n - 1));
        assertEquals(20L, t.get(2));
        assertEquals(10L, s.get(1)); // the original is unchanged
        assertEquals((long) ((n - 1) * 10), s.get(n - 1));
    }

    @Test
    void equalityAndHashAreThoseOfTheValues() {
        for (int n : new int[] {1, ChanStruct.INLINE, ChanStruct.INLINE + 2}) {
            ChanStructType type = type(n);
            ChanStruct a = ChanStruct.of(type, values(n));
            ChanStruct b = ChanStruct.of(type(n), values(n));
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            // the hash the array layout had, so no ordering or output that depends on it moves
            assertEquals(type.hashCode() * 31 + Arrays.hashCode(values(n)), a.hashCode());
            assertNotEquals(a, a.with(new int[] {n - 1}, new Object[] {-1L}));
        }
    }

    @Test
    void mutabilityIsSeenInEveryField() {
        int n = ChanStruct.INLINE + 2;
        assertFalse(ChanStruct.of(type(n), values(n)).containsMutable());
        for (int i = 0; i < n; i++) {
            Object[] values = values(n);
            values[i] = new ChanArray(1, 0L);
            assertTrue(ChanStruct.of(type(n), values).containsMutable(), "array in field " + i);
        }
    }

    @Test
    void aTypeWithAClassOfItsOwnMakesValuesOfThatClass() {
        String[] names = {"x", "y"};
        for (int i = 0; i < StructClasses.COUNT; i++) {
            ChanStructType t = new ChanStructType("P", names, i);
            ChanStruct s = ChanStruct.of(t, values(2));
            assertEquals(t.ownClass(), s.getClass(), "class " + i);
            assertEquals(t, s.type());
            assertEquals(10L, s.get("y"));
            for (int j = 0; j < i; j++) {
                assertNotEquals(new ChanStructType("P", names, j).ownClass(), t.ownClass(), "classes " + j + " and " + i);
            }
            // `with` and a copy keep the type, hence the class
            assertEquals(t.ownClass(), s.with(new int[] {0}, new Object[] {7L}).getClass());
        }
    }

    @Test
    void typesWithoutAClassOfTheirOwnShareOne() {
        ChanStructType a = new ChanStructType("A", new String[] {"x"});
        ChanStructType b = new ChanStructType("B", new String[] {"x"}, -1);
        assertEquals(null, a.ownClass());
        assertEquals(null, b.ownClass());
        assertEquals(ChanStruct.of(a, values(1)).getClass(), ChanStruct.of(b, values(1)).getClass());
        for (int i = 0; i < StructClasses.COUNT; i++) {
            assertNotEquals(new ChanStructType("P", new String[] {"x"}, i).ownClass(), ChanStruct.of(a, values(1)).getClass());
        }
    }
}
