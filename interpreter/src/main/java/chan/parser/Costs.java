package chan.parser;

/**
 * Virtual cycles charged to the running core for guest code, at the points the compiler emits a
 * poll: each function entry and each loop iteration (docs/machine-model.md, "cost model").
 */
final class Costs {
    private Costs() {}

    /** A call and its prologue. */
    static final int CALL = 5;
    /** One iteration of a loop, beyond the operations in its body. */
    static final int LOOP = 2;
}
