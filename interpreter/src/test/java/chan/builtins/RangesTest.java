// Checks Ranges.stepCount, the count a `for` loop over a range makes inline (with or without a cursor),
// against Ranges.count (BigInteger arithmetic): the same count wherever stepCount gives one, and -1
// exactly where count fails or its answer needs more than the fast path can do; and
// Ranges.unitStepTooLong, a loop's check of a range by 1 or -1, against count's error.
package chan.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.values.ChanError;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RangesTest {
    private static final long[] BOUNDS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 5, -1L << 40, -100, -7, -1, 0, 1, 2, 3,
        7, 10, 100, 1L << 31, 1L << 40, Long.MAX_VALUE - 5, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final long[] STEPS = {Long.MIN_VALUE, -(1L << 62), -1L << 33, -7, -3, -2, -1, 0, 1, 2, 3, 7, 1L << 33, 1L << 62, Long.MAX_VALUE};

    @Test
    void stepCountAgreesWithCount() {
        int fast = 0;
        for (long a : BOUNDS) {
            for (long b : BOUNDS) {
                for (long s : STEPS) {
                    int expected;
                    try {
                        expected = Ranges.count(a, b, s);
                    } catch (ChanError e) {
                        expected = -1;
                    }
                    int actual = Ranges.stepCount(a, b, s);
                    if (actual >= 0) {
                        fast++;
                        assertEquals(expected, actual, "range(" + a + ", " + b + ", " + s + ")");
                    } else if (expected >= 0) {
                        // -1 for a range that has a count: only where the span leaves a long's range
                        BigInteger span = BigInteger.valueOf(b).subtract(BigInteger.valueOf(a));
                        assertTrue(span.bitLength() >= 64, "range(" + a + ", " + b + ", " + s + ") has " + expected + " ints, counted inline as -1");
                    }
                }
            }
        }
        assertTrue(fast > 1000, "the fast path counted only " + fast);
    }

    /** The bounds, and spans at the largest count a range may have from both sides of zero. */
    private static final long[] UNIT_BOUNDS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -Args.MAX_SIZE - 1L, -Args.MAX_SIZE, -100, -1, 0, 1,
        2, Args.MAX_SIZE - 1L, Args.MAX_SIZE, Args.MAX_SIZE + 1L, Args.MAX_SIZE + 2L, 1L << 40, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @Test
    void unitStepTooLongIsCountsError() {
        for (long s : new long[] {1, -1}) {
            for (long a : UNIT_BOUNDS) {
                for (long b : UNIT_BOUNDS) {
                    boolean refused;
                    try {
                        Ranges.count(a, b, s);
                        refused = false;
                    } catch (ChanError e) {
                        refused = true;
                    }
                    assertEquals(refused, Ranges.unitStepTooLong(a, b, s), "range(" + a + ", " + b + ", " + s + ")");
                    assertEquals(refused, Ranges.stepCount(a, b, s) < 0, "stepCount of range(" + a + ", " + b + ", " + s + ")");
                }
            }
        }
    }
}
