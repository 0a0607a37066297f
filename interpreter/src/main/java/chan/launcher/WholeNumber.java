package chan.launcher;

import java.math.BigInteger;

/**
 * A whole number as every numeric option and command takes it (`--cores`, `--seed`, `--max-depth`,
 * `chan bench`'s RUNS, the REPL's `:cores` and `:seed`): decimal digits with an optional sign, `+4`
 * as `4` (as Go's flag package and Java's Long.parseLong read an int). `--seed +5` was taken while
 * `--cores +4` was refused. Only decimal: no `0x`, no `_`, and a leading zero is no octal (`010` is ten).
 */
public final class WholeNumber {
    private WholeNumber() {}

    /** The number {@code text} writes, or null when it is no whole number (`1.5`, `x`, `4 `, `+`). */
    public static BigInteger parse(String text) {
        return text.matches("[+-]?[0-9]+") ? new BigInteger(text) : null;
    }

    /**
     * "takes a number from {@code min} to {@code max}, got VALUE", the value quoted unless it is a
     * whole number; the number when it is in range.
     */
    public static long inRange(String text, long min, long max) throws BadNumber {
        BigInteger n = parse(text);
        if (n == null || n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new BadNumber("takes a number from " + min + " to " + max + ", got " + shown(text, n));
        }
        return n.longValue();
    }

    /** Any 64-bit number, negative too (a seed). */
    public static long anyLong(String text) throws BadNumber {
        BigInteger n = parse(text);
        if (n == null) {
            throw new BadNumber("takes a number, got '" + text + "'");
        }
        if (n.bitLength() > 63) {
            throw new BadNumber("takes a 64-bit number, got " + text + ", which is out of range");
        }
        return n.longValue();
    }

    private static String shown(String text, BigInteger n) {
        return n == null ? "'" + text + "'" : text;
    }

    /** What is wrong with the number, to follow the option's or command's name. */
    public static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber(String message) {
            super(message);
        }
    }
}
