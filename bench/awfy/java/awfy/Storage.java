package awfy;

/** Storage: a tree of arrays, four children per node, seven levels, leaves of random sizes. */
public final class Storage extends Benchmark {
    private int count;

    @Override
    public Object benchmark() {
        Random random = new Random();
        count = 0;
        buildTreeDepth(7, random);
        return count;
    }

    private Object buildTreeDepth(int depth, Random random) {
        count++;
        if (depth == 1) {
            return new Object[random.next() % 10 + 1];
        }
        Object[] arr = new Object[4];
        for (int i = 0; i < 4; i++) {
            arr[i] = buildTreeDepth(depth - 1, random);
        }
        return arr;
    }

    @Override
    public boolean verifyResult(Object result) {
        return 5461 == (int) result;
    }
}
