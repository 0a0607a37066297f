// Checks UncheckedArrays against Java's own array access: each element written one way reads back the
// other way, at every index of arrays of each kind, so a wrong base offset or element scale (which
// would read a neighbour, or past the end) fails here rather than in a guest program.
package chan.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class UncheckedArraysTest {
    private static final int N = 9;

    @Test
    void longs() {
        long[] a = new long[N];
        for (int i = 0; i < N; i++) {
            UncheckedArrays.set(a, i, Long.MIN_VALUE + 3L * i);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(Long.MIN_VALUE + 3L * i, a[i]);
            a[i] = -i;
            assertEquals(-i, UncheckedArrays.get(a, i));
        }
    }

    @Test
    void doubles() {
        double[] a = new double[N];
        for (int i = 0; i < N; i++) {
            UncheckedArrays.set(a, i, i + 0.25);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(i + 0.25, a[i]);
            a[i] = -i * 1.5;
            assertEquals(-i * 1.5, UncheckedArrays.get(a, i));
        }
    }

    @Test
    void booleans() {
        boolean[] a = new boolean[N];
        for (int i = 0; i < N; i += 3) {
            UncheckedArrays.set(a, i, true);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(i % 3 == 0, a[i]);
            a[i] = i % 2 == 0;
            assertEquals(i % 2 == 0, UncheckedArrays.get(a, i));
        }
    }

    @Test
    void objects() {
        Object[] a = new Object[N];
        String[] values = new String[N];
        for (int i = 0; i < N; i++) {
            values[i] = "v" + i;
            UncheckedArrays.set(a, i, values[i]);
        }
        for (int i = 0; i < N; i++) {
            assertSame(values[i], a[i]);
            a[i] = i % 2 == 0 ? null : values[N - 1 - i];
            assertSame(a[i], UncheckedArrays.get(a, i));
        }
    }
}
