package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.values.Arith;
import chan.values.DecimalDigits;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Number literals: as in Go, `_` separates digits or follows a base prefix, and nothing else; the values of every form. */
class LiteralsTest {
    @Test
    void aSeparatorStandsBetweenTwoDigitsOrAfterThePrefix() {
        for (String ok : new String[] {"1", "1_000_000", "0xff_ff", "0b1010_1010", "0o7_7", "1_0.5_0", "1e1_0", "1.5e-1_0", "0xe_e",
                        "0x_ff", "0X_F", "0b_1", "0o_7", "0"}) {
            assertNull(Literals.badNumber(ok, !ok.contains(".") && !ok.contains("e")), ok);
        }
        assertSeparatorAt(1, "1_");
        assertSeparatorAt(1, "1__0");
        assertSeparatorAt(4, "0xff_");
        assertSeparatorAt(1, "1_.5");
        assertSeparatorAt(2, "1._5");
        assertSeparatorAt(1, "1_e5");
        assertSeparatorAt(2, "1e_5");
        assertSeparatorAt(3, "1e+_5");
        assertSeparatorAt(3, "1e1_");
        assertSeparatorAt(3, "0b1_");
        assertSeparatorAt(2, "0x__f");
    }

    private static void assertSeparatorAt(int offset, String number) {
        Literals.BadLiteral bad = Literals.badNumber(number, !number.contains(".") && !number.contains("e"));
        assertEquals(offset, bad.offset(), number);
        assertTrue(bad.message().startsWith("'_' in a number stands between two digits"), bad.message());
    }

    @Test
    void aBasePrefixNeedsADigitOfItsBase() {
        assertEquals(new Literals.BadLiteral(0, "a hexadecimal int needs a digit after 0x (0x_)"), Literals.badNumber("0x_", true));
        assertEquals(new Literals.BadLiteral(0, "a binary int needs a digit after 0B (0B)"), Literals.badNumber("0B", true));
        assertEquals(new Literals.BadLiteral(3, "'2' is not a binary digit (0b12)"), Literals.badNumber("0b12", true));
        assertEquals(new Literals.BadLiteral(4, "'8' is not an octal digit (0o7_8)"), Literals.badNumber("0o7_8", true));
    }

    @Test
    void aDecimalIntDoesNotStartWithZero() {
        assertEquals(0, Literals.badNumber("0755", true).offset());
        assertEquals(0, Literals.badNumber("0_7", true).offset());
        assertNull(Literals.badNumber("0.5", false));
    }

    /** As in Go: a float literal past the largest double is an error at the literal; one below the smallest rounds to it or to 0.0. */
    @Test
    void aFloatLiteralTooLargeForADoubleIsAnError() {
        assertEquals(new Literals.BadLiteral(0, "float literal out of range (1e309): the largest float is 1.7976931348623157e+308"),
                        Literals.badNumber("1e309", false));
        assertEquals(0, Literals.badNumber("1" + "0".repeat(400) + ".0", false).offset());
        assertTrue(Literals.badNumber("1" + "0".repeat(400) + ".0", false).message().contains("(10000000000000000000…00000000.0)"));
        assertNull(Literals.badNumber("1.7976931348623157e308", false));
        assertNull(Literals.badNumber("1e-999", false));
        assertEquals(0.0, Literals.number("1e-999"));
        assertEquals(Double.MIN_VALUE, Literals.number("3e-324"));
    }

    @Test
    void anIntLiteralOfMoreBitsThanAnIntMayHaveIsAnError() {
        // An int holds at most MAX_SHIFT + 1 bits, as products and shifts make them (docs/language.md, Arithmetic).
        String hexZeros = "0".repeat(Arith.MAX_SHIFT / 4);
        assertNull(Literals.badNumber("0x1" + hexZeros, true), "2^MAX_SHIFT: MAX_SHIFT + 1 bits");
        Literals.BadLiteral hex = Literals.badNumber("0x2" + hexZeros, true);
        assertEquals(0, hex.offset());
        assertTrue(hex.message().startsWith("int literal too large (0x200000000000000000…0000000000): an int of more than 16777216 bits"),
                        hex.message());
        assertNull(Literals.badNumber("0b1" + "0".repeat(Arith.MAX_SHIFT), true));
        assertEquals(0, Literals.badNumber("0b1" + "0".repeat(Arith.MAX_SHIFT + 1), true).offset());
        assertNull(Literals.badNumber("0o" + "0".repeat(100) + "7", true), "leading zeros count for nothing");
        // Decimal: more digits than the largest int has is refused unparsed; as many is parsed and measured.
        assertEquals(0, Literals.badNumber("1" + "0".repeat(DecimalDigits.MAX_DIGITS), true).offset());
        assertEquals(0, Literals.badNumber("9".repeat(DecimalDigits.MAX_DIGITS), true).offset());
        assertNull(Literals.badNumber("1" + "0".repeat(DecimalDigits.MAX_DIGITS - 1), true));
        assertNull(Literals.badNumber("9".repeat(DecimalDigits.MAX_DIGITS - 1), true));
    }

    @Test
    void numbersHaveTheirValues() {
        assertEquals(1_000_000L, Literals.number("1_000_000"));
        assertEquals(0xffffL, Literals.number("0xff_ff"));
        assertEquals(0b1010_1010L, Literals.number("0b1010_1010"));
        assertEquals(10.5, Literals.number("1_0.5"));
        assertEquals(new BigInteger("99999999999999999999"), Literals.number("99_999_999_999_999_999_999"));
    }

    /** A long decimal literal is parsed by halves (DecimalDigits), not digit by digit: the same value. */
    @Test
    void longDecimalIntsHaveTheirValues() {
        java.util.Random random = new java.util.Random(42);
        for (int length : new int[] {1999, 2000, 2001, 4001, 4096, 12345, 100_003}) {
            StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            while (digits.length() < length) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            // Zeros where the halves meet: a half that starts with zeros is still worth its place.
            digits.replace(length / 2 - 3, length / 2 + 3, "000000");
            assertEquals(new BigInteger(digits.toString()), Literals.number(digits.toString()), "length " + length);
            String separated = digits.toString().replaceAll("(\\d{3})(?=\\d)", "$1_");
            assertEquals(new BigInteger(digits.toString()), Literals.number(separated), "length " + length + " with separators");
        }
    }
}
