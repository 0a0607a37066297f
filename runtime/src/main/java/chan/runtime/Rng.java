package chan.runtime;

/**
 * The run's one source of randomness: xoshiro256** seeded through SplitMix64, written out here so that
 * a seed means the same sequence on every JDK. Used by the guest's {@code rand(n)} and by
 * {@code choose}'s poll order, in the order the program asks.
 */
final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    Rng(long seed) {
        long x = seed;
        s0 = mix(x += 0x9E3779B97F4A7C15L);
        s1 = mix(x += 0x9E3779B97F4A7C15L);
        s2 = mix(x += 0x9E3779B97F4A7C15L);
        s3 = mix(x + 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long next() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, bound) by rejection (no modulo bias). Precondition: bound > 0. */
    long below(long bound) {
        long m = bound - 1;
        if ((bound & m) == 0) return next() & m;
        long r = next() >>> 1;
        for (long u = r; u - (r = u % bound) + m < 0; u = next() >>> 1) {
            // rejected: u fell in the incomplete last block of size bound
        }
        return r;
    }
}
