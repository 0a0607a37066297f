package chan.values;

/**
 * The value {@code nil}: the result of a missing map key, of a function without {@code return}, of
 * reading a closed channel. One instance, {@link #NIL}, so {@code ==} on it is identity.
 */
public final class ChanNil {
    public static final ChanNil NIL = new ChanNil();

    private ChanNil() {
    }

    @Override
    public String toString() {
        return "nil";
    }

    @Override
    public int hashCode() {
        // Fixed rather than the identity hash, so hash-bucket layouts do not vary from run to run.
        return 0x6e696c;
    }
}
