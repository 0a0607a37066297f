package chan.values;

/**
 * The fill of a new primitive array ({@code array(5000, true)}), as fast as Java's {@code Arrays.fill}.
 *
 * <p>Compiled by Graal inside a Chan function, {@code Arrays.fill} is a loop of one store per element
 * with its bounds check (the Truffle compilation neither vectorizes it nor replaces it with a stub),
 * where HotSpot's C2 stores 32 bytes at a time: Sieve's {@code array(5000, true)} took 8% of its
 * samples. Here a zero fill is left to the allocation, which zeroes anyway, and any other fill
 * writes a head of {@link #HEAD} elements and then doubles it with {@code System.arraycopy}, whose
 * stub copies a vector register at a time: about a dozen copies for 5 000 elements. Arrays up to
 * the head's length (records, Queens' boards) are a plain loop, which the compiler unrolls when the
 * size is a constant.
 *
 * <p>Same contents as {@code Arrays.fill}: only the speed differs. A {@code -0.0} fill is not a zero
 * fill (its bits are not zero).
 */
final class ArrayFill {
    /** Elements written one by one before the doubling copies take over. */
    static final int HEAD = 16;

    private ArrayFill() {}

    static void fill(long[] a, long v) {
        if (v == 0) {
            return; // a new array is zeroed
        }
        int head = Math.min(a.length, HEAD);
        for (int i = 0; i < head; i++) {
            a[i] = v;
        }
        spread(a, head, a.length);
    }

    static void fill(double[] a, double v) {
        if (Double.doubleToRawLongBits(v) == 0) {
            return; // +0.0: a new array is zeroed
        }
        int head = Math.min(a.length, HEAD);
        for (int i = 0; i < head; i++) {
            a[i] = v;
        }
        spread(a, head, a.length);
    }

    static void fill(boolean[] a, boolean v) {
        if (!v) {
            return; // a new array is zeroed
        }
        int head = Math.min(a.length, HEAD);
        for (int i = 0; i < head; i++) {
            a[i] = true;
        }
        spread(a, head, a.length);
    }

    /** Copies the filled head {@code a[0, head)} over the rest of {@code a}, doubling it each time. */
    private static void spread(Object a, int head, int length) {
        for (int done = head; done < length; done += done) {
            System.arraycopy(a, 0, a, done, Math.min(done, length - done));
        }
    }
}
