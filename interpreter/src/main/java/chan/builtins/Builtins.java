package chan.builtins;

import chan.values.Arith;
import chan.values.ChanArray;
import chan.values.ChanAtom;
import chan.values.ChanDict;
import chan.values.ChanError;
import chan.values.ChanList;
import chan.values.ChanMap;
import chan.values.ChanNil;
import chan.values.ChanTuple;
import chan.values.Compare;
import chan.values.Display;
import chan.values.Index;
import chan.values.Numbers;
import chan.values.Strings;
import chan.values.Types;
import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The pure built-in functions: the whole guest-visible catalogue in one place, each method the body
 * of one built-in with its guest signature above it, so the Truffle nodes around them stay thin.
 * Built-ins with effects ({@code print}, {@code chan}, {@code rand}, ...) are not here: they need
 * the running context.
 *
 * <p>From the contract: {@code str int float len type range push put del keys array dict}, and the
 * index read {@code x[i]} and write {@code x[i] = v}. Extras a Go or Python programmer reaches for:
 * {@code slice(x, a, b)} (string, list, tuple or array, the same kind back), {@code contains(x, v)}
 * (substring, element by {@code ==}, or map/dict key), {@code abs}, {@code min(a, b)} and
 * {@code max(a, b)} (by {@code <}), {@code ord(s)}, {@code chr(n)}, {@code sort(list)} (stable, by
 * {@link chan.values.ValueOrder}, so mixed types sort too), {@code reverse(list)},
 * {@code join(list, sep)} (elements shown as by {@code str}), {@code split(s, sep)} (Go's
 * {@code strings.Split}: {@code split("a,b,", ",") == ["a", "b", ""]}; an empty separator splits
 * into characters), {@code to_list(x)} (a tuple's, array's or string's elements, a map's or dict's
 * keys; a list as is).
 *
 * <p>Choices the contract left open: {@code array(n)} fills with {@code nil}; {@code del} also
 * takes a dict (removing in place); {@code put} refuses a dict (it is updated by {@code d[k] = v});
 * {@code int(true)} is an error. Every bad argument is a {@link ChanError} naming the built-in:
 * "len: expected a string, list, tuple, map, array or dict, got int". Java names: {@code int},
 * {@code float} and {@code to_list} are {@link #toInt}, {@link #toFloat} and {@link #toList};
 * {@code x[i]} is {@link #index}, {@code x[i] = v} is {@link #setIndex}.
 *
 * <p>Longer than the usual file on purpose: it is the catalogue, read in one place; bodies of more
 * than a few lines live in the package's helpers ({@link Conversions}, {@link Ranges},
 * {@link Slices}, {@link Sequences}, {@link Text}).
 */
public final class Builtins {
    private Builtins() {
    }

    /** {@code str(v) -> string}: the display form, as {@code print} writes it. */
    public static String str(Object v) {
        return Display.print(v);
    }

    /** {@code int(v) -> int}: an int as is, a float toward zero, a string parsed as decimal. */
    public static Object toInt(Object v) {
        return Conversions.toInt(v);
    }

    /** {@code float(v) -> float}: from an int or a float, or a string parsed as a float. */
    public static double toFloat(Object v) {
        return Conversions.toFloat(v);
    }

    /**
     * {@code len(v) -> int}: code points of a string, elements of a list, tuple, map, array or dict.
     * An array's, a tuple's and a list's length are field loads, read in compiled code without a
     * call: a boundary call, even on a path not taken, makes the compiler forget every value it
     * holds from memory at the merge after it (bench/README.md, "Per-operation cost").
     */
    public static long len(Object v) {
        if (v instanceof ChanArray a) {
            return a.size();
        } else if (v instanceof ChanTuple t) {
            return t.size();
        } else if (v instanceof ChanList l) {
            return l.size();
        }
        return lenOfOther(v);
    }

    /** {@link #len} of a string (counts code points), map or dict, or its error. */
    @TruffleBoundary
    private static long lenOfOther(Object v) {
        if (v instanceof String s) {
            return Strings.length(s);
        } else if (v instanceof ChanMap m) {
            return m.size();
        } else if (v instanceof ChanDict d) {
            return d.size();
        }
        throw Args.expected("len", "a string, list, tuple, map, array or dict", v);
    }

    /**
     * {@code type(v) -> atom}: {@code :int :float :bool :nil :string :atom :tuple :list :map :struct
     * :array :dict}, or what was registered with {@link Types#register} ({@code :fn :chan :thread});
     * null for an unregistered class, for the interpreter to decide.
     */
    public static ChanAtom type(Object v) {
        return Types.atom(v);
    }

    /** {@code range(a, b) -> list}: the ints a, a+1, ..., b-1 (empty if {@code b <= a}). */
    public static ChanList range(Object from, Object to) {
        return Ranges.range(from, to, 1L);
    }

    /** {@code range(a, b, step) -> list}: a, a+step, ... up to b excluded; step may be negative, not zero. */
    public static ChanList range(Object from, Object to, Object step) {
        return Ranges.range(from, to, step);
    }

    /** {@code push(list, v) -> list}: a new list with v appended. */
    public static ChanList push(Object list, Object v) {
        return Args.list("push", list).push(v);
    }

    /** {@code put(map, k, v) -> map}: a new map with k bound to v. */
    public static ChanMap put(Object map, Object key, Object value) {
        if (map instanceof ChanMap m) {
            return m.put(key, value);
        }
        if (map instanceof ChanDict) {
            throw new ChanError("put: expected a map, got dict; a dict is updated with d[k] = v");
        }
        throw Args.expected("put", "a map", map);
    }

    /** {@code del(m, k)}: a new map without k; or, for a dict, removes k in place and returns the dict. */
    public static Object del(Object m, Object key) {
        if (m instanceof ChanMap map) {
            return map.del(key);
        } else if (m instanceof ChanDict dict) {
            dict.remove(key);
            return dict;
        }
        throw Args.expected("del", "a map or dict", m);
    }

    /** {@code keys(m) -> list}: a map's keys in order, a dict's in insertion order. */
    public static ChanList keys(Object m) {
        if (m instanceof ChanMap map) {
            return map.keys();
        } else if (m instanceof ChanDict dict) {
            return dict.keys();
        }
        throw Args.expected("keys", "a map or dict", m);
    }

    /**
     * {@code x[i]}: element i of a list, tuple or array, the i-th character of a string (as a string),
     * or the value under key i of a map or dict ({@code nil} if absent). A sequence index must satisfy
     * {@code 0 <= i < len(x)}: "index 5 out of range for list of length 3".
     */
    @TruffleBoundary
    public static Object index(Object target, Object i) {
        if (target instanceof ChanList l) {
            return l.get(Index.check(i, l.size(), "list"));
        } else if (target instanceof ChanTuple t) {
            return t.get(Index.check(i, t.size(), "tuple"));
        } else if (target instanceof ChanArray a) {
            return a.get(Index.check(i, a.size(), "array"));
        } else if (target instanceof String s) {
            return Strings.at(s, Index.check(i, Strings.length(s), "string"));
        } else if (target instanceof ChanMap m) {
            return m.get(i);
        } else if (target instanceof ChanDict d) {
            return d.get(i);
        }
        throw new ChanError("cannot index " + Types.name(target));
    }

    /** {@code x[i] = v}: into an array ({@code 0 <= i < len}) or a dict; every other value is immutable. */
    @TruffleBoundary
    public static void setIndex(Object target, Object i, Object v) {
        if (target instanceof ChanArray a) {
            a.set(Index.check(i, a.size(), "array"), v);
        } else if (target instanceof ChanDict d) {
            d.put(i, v);
        } else if (target instanceof ChanList) {
            throw new ChanError("cannot assign into an immutable list; use push, or an array");
        } else if (target instanceof ChanMap) {
            throw new ChanError("cannot assign into an immutable map; use put, or a dict");
        } else {
            throw new ChanError("cannot assign into an immutable " + Types.name(target));
        }
    }

    /** {@code array(n) -> array}: n slots holding {@code nil}. */
    public static ChanArray array(Object n) {
        return new ChanArray(Args.size("array", n), ChanNil.NIL);
    }

    /** {@code array(n, fill) -> array}: n slots holding fill (the same value in each: not copied). */
    public static ChanArray array(Object n, Object fill) {
        return new ChanArray(Args.size("array", n), fill);
    }

    /** {@code dict() -> dict}: a new, empty dict. */
    public static ChanDict dict() {
        return new ChanDict();
    }

    // The extras: see the class comment.

    /** {@code slice(x, a, b)}: elements a to b-1 of a string, list, tuple or array, as the same kind. */
    public static Object slice(Object x, Object from, Object to) {
        return Slices.slice(x, from, to);
    }

    /** {@code contains(x, v) -> bool}: substring, element ({@code ==}), or map/dict key. */
    public static boolean contains(Object x, Object v) {
        return Sequences.contains(x, v);
    }

    /**
     * Valid until {@code abs} first meets the int -2^63, whose absolute value 2^63 is a big int. Until
     * then compiled code leaves to the interpreter there, so the result of every other int is a box
     * the compiler can take apart at the call site; with the big int merged in, the box became a real
     * object: an allocation or a cache load, then a class check, per call (Bounce's walls).
     */
    private static final Assumption ABS_NEVER_MIN = Assumption.create("abs never met -2^63");

    /** {@code abs(n)}: the absolute value of an int (never overflows) or a float. */
    public static Object abs(Object n) {
        if (n instanceof Long l) {
            if (l != Long.MIN_VALUE) {
                return Math.abs(l); // the common case, without the generic compare
            }
            if (ABS_NEVER_MIN.isValid()) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                ABS_NEVER_MIN.invalidate();
            }
            // -2^63 goes on to the generic negation below, as big ints do
        } else if (n instanceof Double d) {
            return Math.abs(d); // also clears the sign of -0.0, which no comparison with 0 would
        } else if (!Numbers.isInt(n)) {
            throw Args.expected("abs", "a number", n);
        }
        return Compare.less(n, 0L) ? Arith.neg(n) : n;
    }

    /** {@code sqrt(x)}: the square root of a number as a float (IEEE: NaN for a negative x). */
    public static double sqrt(Object x) {
        if (x instanceof Double d) {
            return Math.sqrt(d);
        } else if (x instanceof Long l) {
            return Math.sqrt(l);
        } else if (!Numbers.isNumber(x)) {
            throw Args.expected("sqrt", "a number", x);
        }
        return Math.sqrt(Numbers.toDouble(x));
    }

    /**
     * {@code min(a, b)}: the smaller by {@code <} (numbers, strings, tuples, lists); a when neither is,
     * except that a NaN either side is the result, as Go's min has it: min(1, nan) is min(nan, 1).
     */
    public static Object min(Object a, Object b) {
        if (b instanceof Double d && d.isNaN()) {
            return b; // a NaN a is kept below: nothing is less than it
        }
        try {
            return Compare.greater(a, b) ? b : a;
        } catch (ChanError e) { // `min: cannot compare nil and int`, as math.min says it
            throw new ChanError("min: " + e.getMessage());
        }
    }

    /** {@code max(a, b)}: the larger by {@code <}; a when neither is; NaN when either is, as for min. */
    public static Object max(Object a, Object b) {
        if (b instanceof Double d && d.isNaN()) {
            return b;
        }
        try {
            return Compare.less(a, b) ? b : a;
        } catch (ChanError e) {
            throw new ChanError("max: " + e.getMessage());
        }
    }

    /** {@code ord(s) -> int}: the code point of a one-character string. */
    public static long ord(Object s) {
        return Text.ord(s);
    }

    /** {@code chr(n) -> string}: the one-character string of code point n. */
    public static String chr(Object n) {
        return Text.chr(n);
    }

    /** {@code sort(list) -> list}: sorted by the total order of values, stable. */
    public static ChanList sort(Object list) {
        return Sequences.sort(list);
    }

    /** {@code reverse(list) -> list}: the elements in reverse order. */
    public static ChanList reverse(Object list) {
        return Sequences.reverse(list);
    }

    /** {@code join(list, sep) -> string}: the elements, shown as by {@code str}, separated by sep. */
    public static String join(Object list, Object sep) {
        return Text.join(list, sep);
    }

    /** {@code split(s, sep) -> list}: the parts of s between occurrences of sep (Go's strings.Split). */
    public static ChanList split(Object s, Object sep) {
        return Text.split(s, sep);
    }

    /** {@code to_list(x) -> list}: a tuple's, array's or string's elements, a map's or dict's keys. */
    public static ChanList toList(Object x) {
        return Sequences.toList(x);
    }
}
