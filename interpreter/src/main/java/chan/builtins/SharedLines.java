package chan.builtins;

import chan.ChanContext;
import chan.runtime.SharedMemory;
import chan.values.ChanAtom;
import chan.values.ChanError;
import chan.values.ChanNil;
import chan.values.Display;
import chan.values.Equality;
import chan.values.Numbers;
import chan.values.Types;

/**
 * The shared-memory built-ins (docs/kernel.md, "Shared memory"): the one exception to shared-nothing,
 * so that a program can measure what sharing costs against messages. The coherence model and its
 * costs are {@link SharedMemory}'s (docs/machine-model.md §9); here are only the guest signatures:
 *
 * <ul>
 * <li>{@code shared(n)} or {@code shared(n, fill)}: a block of n cache lines holding fill (default 0),
 *     owned by the current core; type {@code :shared}, shown as {@code <shared 1: 8 lines>}.
 * <li>{@code shared_load(h, i)}, {@code shared_store(h, i, v)} (returns nil),
 *     {@code shared_cas(h, i, old, new)} (returns whether it wrote).
 * </ul>
 * A line holds one word: an int, float, bool, atom or nil, never a collection (a shared mutable
 * value would break the language's rule that nothing mutable is shared).
 */
final class SharedLines {
    private SharedLines() {}

    static Object make(Object[] a) {
        if (!(a[1] instanceof Long n) || n < 1 || n > 1 << 20) {
            throw new ChanError("shared: the number of lines must be an int from 1 to 1048576, got " + Display.repr(a[1]));
        }
        Object fill = a.length == 3 ? word("shared", a[2]) : (Object) 0L;
        return new SharedMemory(ChanContext.get(null).scheduler(), (int) (long) n, fill, Equality::equal);
    }

    static Object load(Object h, Object i) {
        SharedMemory m = block("shared_load", h);
        return m.load(line("shared_load", m, i));
    }

    static Object store(Object h, Object i, Object v) {
        SharedMemory m = block("shared_store", h);
        return m.store(line("shared_store", m, i), word("shared_store", v));
    }

    static Object cas(Object h, Object i, Object expected, Object v) {
        SharedMemory m = block("shared_cas", h);
        return m.compareAndSwap(line("shared_cas", m, i), expected, word("shared_cas", v));
    }

    private static SharedMemory block(String what, Object h) {
        if (h instanceof SharedMemory m) {
            return m;
        }
        throw new ChanError(what + ": expected a shared block, got " + Types.name(h));
    }

    private static int line(String what, SharedMemory m, Object i) {
        if (i instanceof Long n && n >= 0 && n < m.lines()) {
            return (int) (long) n;
        }
        if (Numbers.isInt(i)) { // a big int too: it is an int, only past every block's end
            throw new ChanError(what + ": line " + Display.repr(i) + " out of range 0.." + (m.lines() - 1));
        }
        throw new ChanError(what + ": expected an int line index, got " + Types.name(i));
    }

    private static Object word(String what, Object v) {
        if (Numbers.isNumber(v) || v instanceof Boolean || v == ChanNil.NIL || v instanceof ChanAtom) {
            return v;
        }
        throw new ChanError(what + ": a shared line holds an int, float, bool, atom or nil, got " + Types.name(v));
    }
}
