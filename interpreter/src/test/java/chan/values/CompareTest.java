// Checks the guest < <= > >=: mixed numbers, strings, lexicographic tuples and lists, NaN, errors.
package chan.values;

import static chan.values.ArithTest.assertError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

class CompareTest {
    @Test
    void numbersMixExactly() {
        assertTrue(Compare.less(1L, 1.5));
        assertTrue(Compare.lessEqual(1L, 1.0));
        assertTrue(Compare.greaterEqual(1.0, 1L));
        assertFalse(Compare.greater(1.0, 1L));
        assertTrue(Compare.greater((1L << 53) + 1, 0x1p53));
        assertTrue(Compare.less(Long.MAX_VALUE, BigInteger.TWO.pow(63)));
        assertTrue(Compare.less(BigInteger.TWO.pow(70).negate(), Double.NEGATIVE_INFINITY) == false);
        assertTrue(Compare.less(BigInteger.TWO.pow(1100), Double.POSITIVE_INFINITY));
    }

    @Test
    void nanIsUnordered() {
        assertFalse(Compare.less(Double.NaN, 1L));
        assertFalse(Compare.greaterEqual(Double.NaN, 1L));
        assertFalse(Compare.lessEqual(Double.NaN, Double.NaN));
        assertFalse(Compare.less(ChanList.of(Double.NaN), ChanList.of(1L)));
        assertFalse(Compare.greater(ChanList.of(Double.NaN), ChanList.of(1L)));
    }

    @Test
    void sequencesAreLexicographic() {
        assertTrue(Compare.less("abc", "abd"));
        assertTrue(Compare.less("ab", "abc"));
        assertTrue(Compare.less(ChanList.of(1L, 2L), ChanList.of(1.0, 3L)));
        assertTrue(Compare.less(ChanList.of(1L), ChanList.of(1L, 0L)));
        assertTrue(Compare.lessEqual(new ChanTuple(1L, "b"), new ChanTuple(1.0, "b")));
        assertTrue(Compare.greater(new ChanTuple(2L), new ChanTuple(1L, "z")));
        assertTrue(Compare.less(ChanList.EMPTY, ChanList.of(ChanList.EMPTY)));
    }

    @Test
    void otherCombinationsAreErrors() {
        assertError("cannot compare string and int", () -> Compare.less("a", 1L));
        assertTrue(Compare.less(ChanAtom.of("abort"), ChanAtom.of("ok")));
        assertError("cannot compare atom and string", () -> Compare.less(ChanAtom.of("a"), "b"));
        assertError("cannot compare list and tuple", () -> Compare.less(ChanList.EMPTY, ChanTuple.EMPTY));
        assertError("cannot compare map and map", () -> Compare.greater(ChanMap.EMPTY, ChanMap.EMPTY));
        assertError("cannot compare string and int", () -> Compare.less(ChanList.of(1L, "a"), ChanList.of(1L, 2L)));
        assertError("cannot compare nil and nil", () -> Compare.lessEqual(ChanNil.NIL, ChanNil.NIL));
    }
}
