package chan.values;

/**
 * A StringBuilder that stops at {@link StringLimit}: each append first checks that the text stays
 * within the limit, so a display form too long for a string is the language error
 * {@code string too long}, never the JVM's own failure deep inside the builder.
 */
final class BoundedText {
    private final StringBuilder sb;
    private final int limit;

    /** {@code limit}: {@link StringLimit#MAX_LENGTH}, or a small one in tests. */
    BoundedText(int capacity, int limit) {
        this.sb = new StringBuilder(capacity);
        this.limit = limit;
    }

    BoundedText append(String s) {
        StringLimit.check((long) sb.length() + s.length(), limit);
        sb.append(s);
        return this;
    }

    BoundedText append(char c) {
        StringLimit.check(sb.length() + 1L, limit);
        sb.append(c);
        return this;
    }

    BoundedText appendCodePoint(int cp) {
        StringLimit.check((long) sb.length() + Character.charCount(cp), limit);
        sb.appendCodePoint(cp);
        return this;
    }

    int length() {
        return sb.length();
    }

    /** Throws {@code string too long} unless {@code more} characters still fit. */
    void ensureRoomFor(long more) {
        StringLimit.check(sb.length() + more, limit);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
