// Checks ArrayFill against Arrays.fill: the same contents for every size around the head and the
// doubling copies' steps, for zero fills (left to the allocation) and fills whose bits are not zero.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ArrayFillTest {
    /** Every size up to a few doublings past the head, and the Sieve's 5000. */
    private static int[] sizes() {
        int[] sizes = new int[6 * ArrayFill.HEAD + 2];
        for (int i = 0; i < sizes.length - 1; i++) {
            sizes[i] = i;
        }
        sizes[sizes.length - 1] = 5000;
        return sizes;
    }

    @Test
    void longsAsArraysFill() {
        for (long v : new long[] {0, 1, -1, 7, Long.MIN_VALUE, Long.MAX_VALUE}) {
            for (int n : sizes()) {
                long[] expected = new long[n];
                Arrays.fill(expected, v);
                long[] actual = new long[n];
                ArrayFill.fill(actual, v);
                assertArrayEquals(expected, actual, "fill " + v + " size " + n);
            }
        }
    }

    @Test
    void doublesAsArraysFillBitForBit() {
        for (double v : new double[] {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
            for (int n : sizes()) {
                long[] expected = new long[n];
                Arrays.fill(expected, Double.doubleToRawLongBits(v));
                double[] actual = new double[n];
                ArrayFill.fill(actual, v);
                long[] bits = new long[n];
                for (int i = 0; i < n; i++) {
                    bits[i] = Double.doubleToRawLongBits(actual[i]);
                }
                assertArrayEquals(expected, bits, "fill " + v + " size " + n);
            }
        }
    }

    @Test
    void booleansAsArraysFill() {
        for (boolean v : new boolean[] {false, true}) {
            for (int n : sizes()) {
                boolean[] expected = new boolean[n];
                Arrays.fill(expected, v);
                boolean[] actual = new boolean[n];
                ArrayFill.fill(actual, v);
                assertArrayEquals(expected, actual, "fill " + v + " size " + n);
            }
        }
    }
}
