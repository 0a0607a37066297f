package chan.values;

/**
 * A value from outside this package that can hold arrays or dicts, e.g. a closure that captured
 * one. Implementing this lets {@link Copying#copyForTransfer} keep the shared-nothing rule for it.
 *
 * <p>Contract: {@link #containsMutable} is O(1) and fixed at construction (closures capture by
 * value, so what they hold never changes); {@link #copyForTransfer} returns an equivalent value whose
 * mutable parts are the copier's copies ({@code copier.copy(part)}), so aliasing inside one
 * transferred value is preserved.
 */
public interface Transferable {
    /** Whether any array or dict is reachable from this value. */
    boolean containsMutable();

    /** This value with every reachable array and dict replaced by {@code copier.copy(...)}. */
    Object copyForTransfer(Copying.Copier copier);
}
