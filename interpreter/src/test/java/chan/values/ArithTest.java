// Checks arithmetic: overflow into BigInteger and back, truncating / and %, IEEE floats, errors.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

class ArithTest {
    private static final BigInteger TWO_63 = BigInteger.TWO.pow(63);

    static void assertError(String message, Runnable r) {
        assertEquals(message, assertThrows(ChanError.class, r::run).getMessage());
    }

    @Test
    void overflowPromotesAndShrinksBack() {
        Object big = Arith.add(Long.MAX_VALUE, 1L);
        assertEquals(TWO_63, big);
        assertEquals(Long.MAX_VALUE, Arith.sub(big, 1L)); // back to a Long: same representation
        assertInstanceOf(Long.class, Arith.sub(big, 1L));
        assertEquals(TWO_63.negate().subtract(BigInteger.ONE), Arith.sub(Long.MIN_VALUE, 1L));
        assertEquals(BigInteger.TWO.pow(64), Arith.mul(1L << 32, 1L << 32));
        assertEquals(Long.MIN_VALUE, Arith.mul(1L << 62, -2L));
        assertInstanceOf(Long.class, Arith.mul(1L << 62, -2L));
        assertEquals(TWO_63, Arith.neg(Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, Arith.neg(TWO_63));
        assertEquals(TWO_63, Arith.div(Long.MIN_VALUE, -1L));
        assertEquals(0L, Arith.mod(Long.MIN_VALUE, -1L));
    }

    @Test
    void factorialOf25IsExact() {
        Object f = 1L;
        for (long i = 2; i <= 25; i++) {
            f = Arith.mul(f, i);
        }
        assertEquals(new BigInteger("15511210043330985984000000"), f);
        for (long i = 25; i >= 2; i--) {
            f = Arith.div(f, i);
        }
        assertEquals(1L, f);
    }

    @Test
    void integerDivisionTruncatesTowardZero() {
        assertEquals(-3L, Arith.div(-7L, 2L));
        assertEquals(-1L, Arith.mod(-7L, 2L));
        assertEquals(-3L, Arith.div(7L, -2L));
        assertEquals(1L, Arith.mod(7L, -2L));
        BigInteger big = TWO_63.multiply(BigInteger.valueOf(3)).negate();
        assertEquals(Numbers.normalize(big.divide(BigInteger.TWO)), Arith.div(big, 2L));
        assertEquals(-1L, Arith.mod(Arith.sub(big, 1L), 2L));
    }

    @Test
    void divisionByZero() {
        assertError("division by zero", () -> Arith.div(1L, 0L));
        assertError("division by zero", () -> Arith.mod(1L, 0L));
        assertError("division by zero", () -> Arith.div(TWO_63, 0L));
        assertError("division by zero", () -> Arith.div(1.0, 0L));
        assertError("division by zero", () -> Arith.div(-1L, -0.0));
        assertError("division by zero", () -> Arith.mod(5.0, 0L));
    }

    @Test
    void mixedIntAndFloatGiveFloat() {
        assertEquals(2.5, Arith.add(1L, 1.5));
        assertEquals(0.5, Arith.div(1L, 2.0));
        assertEquals(-1.5, Arith.mod(-7.5, 2L));
        assertEquals(9.223372036854776E18, Arith.add(TWO_63, 0.0));
    }

    @Test
    void plusJoinsStringsAndLists() {
        assertEquals("ab", Arith.add("a", "b"));
        assertEquals(ChanList.of(1L, 2L, 3L), Arith.add(ChanList.of(1L), ChanList.of(2L, 3L)));
    }

    @Test
    void typeErrors() {
        assertError("cannot add string and int", () -> Arith.add("a", 1L));
        assertError("cannot add int and string", () -> Arith.add(1L, "a"));
        assertError("cannot add list and tuple", () -> Arith.add(ChanList.EMPTY, ChanTuple.EMPTY));
        assertError("cannot subtract string and string", () -> Arith.sub("a", "b"));
        assertError("cannot multiply string and int", () -> Arith.mul("a", 3L));
        assertError("cannot divide nil and int", () -> Arith.div(ChanNil.NIL, 3L));
        assertError("cannot apply % to float and bool", () -> Arith.mod(1.0, true));
        assertError("cannot negate string", () -> Arith.neg("a"));
        assertError("cannot apply & to float and int", () -> Arith.and(1.0, 1L));
        assertError("cannot apply ~ to float", () -> Arith.not(1.0));
        assertError("cannot apply << to int and float", () -> Arith.shl(1L, 1.0));
    }

    @Test
    void bitwise() {
        assertEquals(2L, Arith.and(6L, 3L));
        assertEquals(7L, Arith.or(6L, 3L));
        assertEquals(5L, Arith.xor(6L, 3L));
        assertEquals(-7L, Arith.not(6L));
        BigInteger big = TWO_63.add(BigInteger.valueOf(5));
        assertEquals(5L, Arith.and(big, 7L));
        assertEquals(Long.MAX_VALUE, Arith.not(Long.MIN_VALUE));
        assertEquals(TWO_63.negate().subtract(BigInteger.ONE), Arith.not(TWO_63));
        assertEquals(Long.MIN_VALUE, Arith.or(TWO_63, Long.MIN_VALUE)); // BigInteger result shrinks back
        assertEquals(TWO_63, Arith.xor(big, 5L));
    }

    @Test
    void shifts() {
        assertEquals(1024L, Arith.shl(1L, 10L));
        assertEquals(TWO_63, Arith.shl(1L, 63L));
        assertEquals(Long.MIN_VALUE, Arith.shl(-1L, 63L));
        assertEquals(BigInteger.TWO.pow(200), Arith.shl(1L, 200L));
        assertEquals(1L, Arith.shr(BigInteger.TWO.pow(200), 200L));
        assertEquals(-3L, Arith.shr(-5L, 1L));
        assertEquals(-1L, Arith.shr(-5L, 100L));
        assertEquals(0L, Arith.shr(5L, TWO_63));
        assertEquals(0L, Arith.shl(0L, TWO_63));
        assertError("negative shift count -1", () -> Arith.shl(1L, -1L));
        assertError("negative shift count -1", () -> Arith.shr(1L, -1L));
        assertError("shift count too large: 100000000", () -> Arith.shl(1L, 100_000_000L));
    }

    @Test
    void longFastPathsAgreeWithBigIntegers() {
        long[] samples = {0, 1, -1, 2, 3, 1L << 31, 1L << 32, -(1L << 32), Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 3037000499L, 3037000500L, -3037000500L};
        for (long x : samples) {
            for (long y : samples) {
                BigInteger bx = BigInteger.valueOf(x);
                BigInteger by = BigInteger.valueOf(y);
                assertEquals(Numbers.normalize(bx.add(by)), Arith.addInts(x, y));
                assertEquals(Numbers.normalize(bx.subtract(by)), Arith.subInts(x, y));
                assertEquals(Numbers.normalize(bx.multiply(by)), Arith.mulInts(x, y));
                if (y != 0) {
                    assertEquals(Numbers.normalize(bx.divide(by)), Arith.divInts(x, y));
                    assertEquals(Numbers.normalize(bx.remainder(by)), Arith.modInts(x, y));
                }
            }
        }
    }
}
