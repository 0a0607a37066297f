package awfy;

/** Permute: all permutations of six elements by swapping, counting the calls. */
public final class Permute extends Benchmark {
    private int count;
    private int[] v;

    @Override
    public Object benchmark() {
        count = 0;
        v = new int[6];
        permute(6);
        return count;
    }

    private void permute(int n) {
        count++;
        if (n != 0) {
            int n1 = n - 1;
            permute(n1);
            for (int i = n1; i >= 0; i--) {
                swap(n1, i);
                permute(n1);
                swap(n1, i);
            }
        }
    }

    private void swap(int i, int j) {
        int tmp = v[i];
        v[i] = v[j];
        v[j] = tmp;
    }

    @Override
    public boolean verifyResult(Object result) {
        return (int) result == 8660;
    }
}
