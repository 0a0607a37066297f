package awfy;

import java.util.Arrays;

/** Sieve: the sieve of Eratosthenes up to 5000, counting the primes. */
public final class Sieve extends Benchmark {
    @Override
    public Object benchmark() {
        boolean[] flags = new boolean[5000];
        Arrays.fill(flags, true);
        return sieve(flags, 5000);
    }

    private static int sieve(boolean[] flags, int size) {
        int primeCount = 0;
        for (int i = 2; i <= size; i++) {
            if (flags[i - 1]) {
                primeCount++;
                int k = i + i;
                while (k <= size) {
                    flags[k - 1] = false;
                    k += i;
                }
            }
        }
        return primeCount;
    }

    @Override
    public boolean verifyResult(Object result) {
        return 669 == (int) result;
    }
}
