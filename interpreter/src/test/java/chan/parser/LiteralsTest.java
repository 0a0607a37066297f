package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Number literals: `_` separates digits and nothing else; the values of every form. */
class LiteralsTest {
    @Test
    void aSeparatorStandsBetweenTwoDigits() {
        for (String ok : new String[] {"1", "1_000_000", "0xff_ff", "0b1010_1010", "0o7_7", "1_0.5_0", "1e1_0", "0xe_e"}) {
            assertEquals(-1, Literals.misplacedSeparator(ok), ok);
        }
        assertEquals(1, Literals.misplacedSeparator("1_"));
        assertEquals(1, Literals.misplacedSeparator("1__0"));
        assertEquals(4, Literals.misplacedSeparator("0xff_"));
        assertEquals(1, Literals.misplacedSeparator("1_.5"));
        assertEquals(2, Literals.misplacedSeparator("1._5"));
        assertEquals(1, Literals.misplacedSeparator("1_e5"));
        assertEquals(3, Literals.misplacedSeparator("0b1_"));
    }

    @Test
    void numbersHaveTheirValues() {
        assertEquals(1_000_000L, Literals.number("1_000_000"));
        assertEquals(0xffffL, Literals.number("0xff_ff"));
        assertEquals(0b1010_1010L, Literals.number("0b1010_1010"));
        assertEquals(10.5, Literals.number("1_0.5"));
        assertEquals(new BigInteger("99999999999999999999"), Literals.number("99_999_999_999_999_999_999"));
    }
}
