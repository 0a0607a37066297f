package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A long run of decimal digits as an int, in time near that of a multiplication: {@code new
 * BigInteger(String)} takes time quadratic in the digits (16 s for a million on a laptop, and hours
 * for the five million an int may have), so the string is split in halves, each parsed alone, and
 * joined as {@code high * 10^k + low}, where BigInteger's Karatsuba and Toom-Cook products do the work.
 * Python refuses such strings for the same reason; Chan parses them.
 */
public final class DecimalDigits {
    /** Below this many digits BigInteger's own parser is the faster. */
    private static final int PLAIN = 2000;

    /**
     * The most significant digits an int can have: an int holds at most {@code MAX_SHIFT + 1} bits
     * (the largest product and the largest shift), and 2^(2^24 + 1) has 5 050 446 digits.
     */
    public static final int MAX_DIGITS = (int) Math.ceil((Arith.MAX_SHIFT + 1) * Math.log10(2));

    private DecimalDigits() {
    }

    /** The value of {@code digits}, which holds only ASCII digits, at least one. */
    @TruffleBoundary
    public static BigInteger parse(String digits) {
        return parse(digits, 0, digits.length(), new HashMap<>());
    }

    /** {@code powers} keeps each 10^k made: the halves of one depth need at most two of them. */
    private static BigInteger parse(String digits, int from, int to, Map<Integer, BigInteger> powers) {
        if (to - from <= PLAIN) {
            return new BigInteger(digits.substring(from, to));
        }
        int mid = (from + to) >>> 1;
        BigInteger high = parse(digits, from, mid, powers);
        BigInteger low = parse(digits, mid, to, powers);
        return high.multiply(powers.computeIfAbsent(to - mid, BigInteger.TEN::pow)).add(low);
    }
}
