package awfy;

/** List: the Takeuchi-like tail recursion over linked lists. */
public final class List extends Benchmark {
    private static final class Element {
        private final Object val;
        private Element next;

        Element(Object v) {
            val = v;
        }

        int length() {
            return next == null ? 1 : 1 + next.length();
        }
    }

    @Override
    public Object benchmark() {
        Element result = tail(makeList(15), makeList(10), makeList(6));
        return result.length();
    }

    private Element makeList(int length) {
        if (length == 0) {
            return null;
        }
        Element e = new Element(length);
        e.next = makeList(length - 1);
        return e;
    }

    private boolean isShorterThan(Element x, Element y) {
        Element xTail = x;
        Element yTail = y;
        while (yTail != null) {
            if (xTail == null) {
                return true;
            }
            xTail = xTail.next;
            yTail = yTail.next;
        }
        return false;
    }

    private Element tail(Element x, Element y, Element z) {
        if (isShorterThan(y, x)) {
            return tail(tail(x.next, y, z), tail(y.next, z, x), tail(z.next, x, y));
        }
        return z;
    }

    @Override
    public boolean verifyResult(Object result) {
        return 10 == (int) result;
    }
}
