package chan.values;

/**
 * The rule for map and dict keys: a key must be immutable (no array or dict reachable from it).
 *
 * <p>Why: maps are sorted and dicts are hashed by the key's contents; a key that could change after
 * insertion would silently get lost in the structure (Python forbids list keys for the same reason).
 * Only insertion checks this; a lookup with a mutable key simply finds nothing, since none is stored.
 *
 * <p>Map-key equality (the rule both maps and dicts use) is "same type and equal contents", given by
 * {@code equals}/{@code hashCode} of the values: int 1 and float 1.0 are different keys (as in Erlang
 * maps), -0.0 and 0.0 are different keys, and NaN is one key equal to itself (Java's
 * {@link Double#equals}); see {@link Equality#same}.
 */
public final class Keys {
    private Keys() {
    }

    /** Returns {@code key}, or throws "map key must be immutable, got array". */
    public static Object requireImmutable(Object key, String kind) {
        if (Copying.hasMutable(key)) {
            throw new ChanError(kind + " key must be immutable, got " + mutableName(key));
        }
        return key;
    }

    /**
     * What makes v mutable, for a message: "array", "dict", or e.g. "list with an array or dict
     * inside" (the list itself is immutable; saying "got list" blamed it).
     */
    public static String mutableName(Object v) {
        String name = Types.name(v);
        return v instanceof ChanArray || v instanceof ChanDict ? name : name + " with an array or dict inside";
    }
}
