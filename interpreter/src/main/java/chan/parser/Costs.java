package chan.parser;

/**
 * Virtual cycles charged to the running core for guest code: at each function entry (with a quantum
 * check only where the function could fan out: EntryChecks) and at each loop iteration
 * (docs/machine-model.md, "Preemption").
 */
final class Costs {
    private Costs() {}

    /** A call and its prologue. */
    static final int CALL = 5;
    /** One iteration of a loop, beyond the operations in its body. */
    static final int LOOP = 2;
}
