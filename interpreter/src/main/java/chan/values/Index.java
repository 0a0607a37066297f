package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;

/**
 * Checking a guest index against a sequence, and the error messages for a bad one.
 *
 * <p>Rule: an index is an int with {@code 0 <= i < length}. Negative indexes are errors, not
 * counted from the end (Go, not Python), so a stray {@code -1} fails loudly.
 */
public final class Index {
    private Index() {
    }

    /**
     * The guest value {@code index} as a valid Java index into a sequence of {@code length}
     * elements; {@code kind} names the sequence in the message ("list", "string", ...).
     */
    public static int check(Object index, int length, String kind) {
        if (index instanceof Long i) {
            return check((long) i, length, kind);
        }
        if (index instanceof BigInteger) {
            throw outOfRange(index, length, kind);
        }
        throw notAnInt(index, kind);
    }

    public static int check(long index, int length, String kind) {
        if (index < 0 || index >= length) {
            throw outOfRange(index, length, kind);
        }
        return (int) index;
    }

    /** "index 5 out of range for list of length 3". */
    @TruffleBoundary
    public static ChanError outOfRange(Object index, int length, String kind) {
        return new ChanError("index " + index + " out of range for " + kind + " of length " + length);
    }

    /** "list index must be an int, got string". */
    @TruffleBoundary
    public static ChanError notAnInt(Object index, String kind) {
        return new ChanError(kind + " index must be an int, got " + Types.name(index));
    }
}
