package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The display form of a float: the shortest digits that read back as the same double, laid out as
 * Python's {@code repr} does. Plain decimal when {@code 1e-4 <= |x| < 1e16} ({@code 0.0001}, {@code 2.5},
 * {@code 2000000000.0}), scientific otherwise ({@code 1e+22}, {@code 1.5e-07}, {@code 1e-05}, at
 * least two exponent digits); integral values keep {@code .0}; {@code inf}, {@code -inf},
 * {@code nan}, {@code -0.0}.
 *
 * <p>The digits come from {@link Double#toString}, shortest since JDK 19, except that it never uses
 * fewer than two significant digits: where one digit also reads back (the tiniest subnormals, e.g.
 * 5e-324 which Java writes 4.9E-324) we take the one digit, as Python does.
 */
public final class FloatFormat {
    private FloatFormat() {
    }

    @TruffleBoundary
    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        // Decompose Double.toString's "123.45" or "1.2345E-7" into digits and a decimal point
        // position: |d| = 0.DIGITS x 10^point.
        String java = Double.toString(Math.abs(d));
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + (e < 0 ? 0 : Integer.parseInt(java.substring(e + 1)));
        int lead = 0;
        while (digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(lead, end);
        point -= lead;
        if (digits.length() == 2) {
            String one = oneDigit(Math.abs(d), digits, point);
            if (one != null) {
                point += one.length() - 1; // rounding 9.x up gives "10": one more integral digit
                digits = one.substring(0, 1);
            }
        }
        return (d < 0 ? "-" : "") + layout(digits, point);
    }

    /**
     * A single digit that reads back as {@code x}, or null; its carry into "10" is kept. Of the two
     * candidates the nearer one is tried first, as Python picks the nearest of the shortest.
     */
    private static String oneDigit(double x, String digits, int point) {
        int first = digits.charAt(0) - '0';
        boolean roundUp = digits.charAt(1) >= '5';
        for (int candidate : roundUp ? new int[] {first + 1, first} : new int[] {first, first + 1}) {
            if (Double.parseDouble(candidate + "E" + (point - 1)) == x) {
                return Integer.toString(candidate);
            }
        }
        return null;
    }

    private static String layout(String digits, int point) {
        int exponent = point - 1; // |d| = D.IGITS x 10^exponent
        StringBuilder sb = new StringBuilder(24);
        if (exponent < -4 || exponent >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int abs = Math.abs(exponent);
            sb.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs);
        } else if (point <= 0) {
            sb.append("0.").repeat('0', -point).append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits).repeat('0', point - digits.length()).append(".0");
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
    }
}
