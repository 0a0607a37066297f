package chan.values;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Element access to an array's storage without the JVM's own bounds check, for the nodes whose
 * guard has just checked the index ({@link ChanArray#inBounds}, {@link ChanArray#hasInlineSlot}).
 *
 * <p>Why: a guard compares the 64-bit index with the storage's length, and the JVM's check then
 * compares the 32-bit index with the same length again. The compiler cannot see that the first
 * implies the second, so every compiled `a[i]` whose length is not a compiled constant (Sieve's
 * `flags[k - 1] = false`, a record's int slot in its companion {@code long[]}) kept both: two
 * compares and branches where one is needed. Truffle's own frames read their slots the same way.
 *
 * <p>Every caller must have checked {@code 0 <= i < a.length} itself: nothing here does. The
 * launcher allows {@code sun.misc.Unsafe}'s memory access (Truffle uses it too).
 */
@SuppressWarnings("removal") // sun.misc.Unsafe's memory access: allowed by the launcher's flags
public final class UncheckedArrays {
    private UncheckedArrays() {}

    private static final Unsafe UNSAFE = unsafe();
    private static final long LONGS = Unsafe.ARRAY_LONG_BASE_OFFSET;
    private static final long DOUBLES = Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    private static final long BOOLEANS = Unsafe.ARRAY_BOOLEAN_BASE_OFFSET;
    private static final long OBJECTS = Unsafe.ARRAY_OBJECT_BASE_OFFSET;
    private static final int OBJECT_SHIFT = Integer.numberOfTrailingZeros(Unsafe.ARRAY_OBJECT_INDEX_SCALE);

    public static long get(long[] a, long i) {
        return UNSAFE.getLong(a, LONGS + (i << 3));
    }

    public static void set(long[] a, long i, long value) {
        UNSAFE.putLong(a, LONGS + (i << 3), value);
    }

    public static double get(double[] a, long i) {
        return UNSAFE.getDouble(a, DOUBLES + (i << 3));
    }

    public static void set(double[] a, long i, double value) {
        UNSAFE.putDouble(a, DOUBLES + (i << 3), value);
    }

    public static boolean get(boolean[] a, long i) {
        return UNSAFE.getBoolean(a, BOOLEANS + i);
    }

    public static void set(boolean[] a, long i, boolean value) {
        UNSAFE.putBoolean(a, BOOLEANS + i, value);
    }

    public static Object get(Object[] a, long i) {
        return UNSAFE.getObject(a, OBJECTS + (i << OBJECT_SHIFT));
    }

    public static void set(Object[] a, long i, Object value) {
        UNSAFE.putObject(a, OBJECTS + (i << OBJECT_SHIFT), value);
    }

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
