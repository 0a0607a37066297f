package chan.values;

/**
 * The longest string Chan makes: a billion characters, counted as Java counts them (UTF-16 units, so
 * a character above U+FFFF counts two). The JVM holds any string of that length whatever its
 * characters (two bytes each, in a byte array of at most about 2^31 elements; a string of Latin-1
 * text alone could be twice as long), so the limit does not depend on what a string contains. A
 * program that goes past it gets the language error {@code string too long} at the operation that
 * would, where the JVM's OutOfMemoryError read as a full heap (docs/errors.md).
 */
public final class StringLimit {
    public static final int MAX_LENGTH = 1_000_000_000;

    private StringLimit() {
    }

    /** Throws {@code string too long} when a string of {@code length} characters would be over the limit. */
    public static void check(long length) {
        check(length, MAX_LENGTH);
    }

    /** {@link #check(long)} against another limit: tests reach it with a short string. */
    public static void check(long length, int limit) {
        if (length > limit) {
            throw new ChanError("string too long: a string holds at most " + limit + " characters");
        }
    }

    /**
     * The parts with the separator between them, or {@code string too long}: measured first, so a
     * result too long is the error before anything is copied, and it is built in one allocation.
     */
    public static String join(String separator, String[] parts) {
        long length = Math.max(0, parts.length - 1) * (long) separator.length();
        for (String part : parts) {
            length += part.length();
        }
        check(length);
        return String.join(separator, parts);
    }

    /** {@code a + b}, or {@code string too long}. */
    public static String concat(String a, String b) {
        check((long) a.length() + b.length());
        return a.concat(b);
    }
}
