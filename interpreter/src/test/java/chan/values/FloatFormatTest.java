// Checks float display: shortest round-trip digits laid out as Python's repr, at every boundary.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

class FloatFormatTest {
    @ParameterizedTest
    @CsvSource({
        "3.0, 3.0", "2e9, 2000000000.0", "0.1, 0.1", "1.5, 1.5", "-2.5, -2.5", "123.456, 123.456",
        "1e22, 1e+22", "1.5e-7, 1.5e-07", "1e16, 1e+16", "9999999999999998.0, 9999999999999998.0",
        "1e15, 1000000000000000.0", "0.0001, 0.0001", "0.00001, 1e-05", "1.2345e-5, 1.2345e-05",
        "1e100, 1e+100", "1.7976931348623157e308, 1.7976931348623157e+308", "0.3, 0.3",
        "4.9e-324, 5e-324", "1e-323, 1e-323", "2.2250738585072014e-308, 2.2250738585072014e-308",
        "123456789012345678, 1.2345678901234568e+17", "-0.0, -0.0", "0.0, 0.0",
    })
    void formats(double value, String expected) {
        assertEquals(expected, FloatFormat.format(value));
    }

    @Test
    void specials() {
        assertEquals("inf", FloatFormat.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", FloatFormat.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", FloatFormat.format(Double.NaN));
        assertEquals("0.30000000000000004", FloatFormat.format(0.1 + 0.2));
    }

    @Test
    void everyOutputReadsBackAsTheSameDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertEquals(d, Double.parseDouble(FloatFormat.format(d)), () -> "bits of " + d);
            }
        }
    }
}
