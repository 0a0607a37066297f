package chan.builtins;

import chan.ChanContext;
import chan.ChanLanguage;
import chan.nodes.BuiltinRootNode;
import chan.runtime.Channel;
import chan.runtime.Scheduler;
import chan.runtime.Strand;
import chan.values.ChanError;
import chan.values.ChanFunction;
import chan.values.ChanList;
import chan.values.ChanNil;
import chan.values.Display;
import chan.values.StringLimit;
import chan.values.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every built-in function of LANGUAGE.md (§2, §4) and the extras in docs/, registered in one list.
 * Each becomes a function value with its own root, made once per language instance.
 */
public final class BuiltinTable {
    private static final Map<String, Builtin> ALL = new LinkedHashMap<>();
    /**
     * Built-ins that only the standard modules see (ModuleCompiler.builtin), not part of the language:
     * Java doing what a stdlib function would otherwise do a character at a time in Chan, without a
     * new name in every program's namespace. Named {@code intrinsic_…}, so a reader of the stdlib
     * knows where to look.
     */
    private static final Map<String, Builtin> INTRINSICS = new LinkedHashMap<>();

    private static void add(String name, int arity, Builtin.Implementation implementation) {
        add(name, arity, arity, implementation);
    }

    /** A built-in that takes from {@code fewest} to {@code most} arguments ({@link Builtin#ANY}: no limit). */
    private static void add(String name, int fewest, int most, Builtin.Implementation implementation) {
        ALL.put(name, new Builtin(name, fewest, most, implementation));
    }

    private static void intrinsic(String name, int arity, Builtin.Implementation implementation) {
        INTRINSICS.put(name, new Builtin(name, arity, arity, implementation));
    }

    static {
        // values (§2)
        add("print", 0, Builtin.ANY, BuiltinTable::print);
        add("str", 1, a -> Builtins.str(a[1]));
        add("int", 1, a -> Builtins.toInt(a[1]));
        add("float", 1, a -> Builtins.toFloat(a[1]));
        add("len", 1, a -> Builtins.len(a[1]));
        add("type", 1, a -> Builtins.type(a[1]));
        add("range", 2, 3, a -> a.length == 3 ? Builtins.range(a[1], a[2]) : Builtins.range(a[1], a[2], a[3]));
        add("push", 2, a -> Builtins.push(a[1], a[2]));
        add("put", 3, a -> Builtins.put(a[1], a[2], a[3]));
        add("del", 2, a -> Builtins.del(a[1], a[2]));
        add("keys", 1, a -> Builtins.keys(a[1]));
        add("assert", 1, 2, BuiltinTable::assertion);
        add("error", 1, a -> {
            throw new ChanError(a[1] instanceof String s ? s : Display.print(a[1]));
        });
        add("rand", 1, a -> rand(a[1]));
        add("args", 0, a -> argsList());
        add("read_line", 0, a -> { // one input for all threads: read at the thread's turn (Scheduler.atOwnTurn)
            ChanContext context = ChanContext.get(null);
            return context.scheduler().atOwnTurn(() -> {
                String line = context.readLine();
                return line == null ? ChanNil.NIL : line;
            });
        });
        add("array", 1, 2, a -> a.length == 2 ? Builtins.array(a[1]) : Builtins.array(a[1], a[2]));
        add("dict", 0, a -> Builtins.dict());
        // extensions (docs/language.md, "Built-in functions")
        add("slice", 3, a -> Builtins.slice(a[1], a[2], a[3]));
        add("contains", 2, a -> Builtins.contains(a[1], a[2]));
        add("abs", 1, a -> Builtins.abs(a[1]));
        add("sqrt", 1, a -> Builtins.sqrt(a[1]));
        add("min", 2, a -> Builtins.min(a[1], a[2]));
        add("max", 2, a -> Builtins.max(a[1], a[2]));
        add("ord", 1, a -> Builtins.ord(a[1]));
        add("chr", 1, a -> Builtins.chr(a[1]));
        add("sort", 1, a -> Builtins.sort(a[1]));
        add("reverse", 1, a -> Builtins.reverse(a[1]));
        add("join", 2, a -> Builtins.join(a[1], a[2]));
        add("split", 2, a -> Builtins.split(a[1], a[2]));
        add("to_list", 1, a -> Builtins.toList(a[1]));
        // the part of a run that `chan bench` measures (docs/language.md, "Built-in functions")
        add("bench_start", 0, a -> {
            BenchTimer.start();
            return ChanNil.NIL;
        });
        add("bench_stop", 0, a -> {
            BenchTimer.stop();
            return ChanNil.NIL;
        });
        // concurrency (§4)
        add("chan", 0, 1, BuiltinTable::makeChannel);
        add("close", 1, a -> channel(a[1], "close").close());
        add("self", 0, a -> scheduler().current());
        add("core", 0, a -> (long) scheduler().currentCore());
        add("cores", 0, a -> (long) scheduler().cores());
        add("now", 0, a -> scheduler().now());
        add("sleep", 1, a -> scheduler().sleep(cycles(a[1], "sleep")));
        add("after", 1, a -> scheduler().after(cycles(a[1], "after")));
        // A thread's monitors and its end are seen across cores: at the caller's turn (Scheduler.atOwnTurn).
        add("monitor", 1, a -> {
            Strand target = thread(a[1], "monitor");
            return scheduler().atOwnTurn(() -> scheduler().monitor(target));
        });
        add("kill", 1, a -> { // a thread that kills itself stops here: BLOCK, and the scheduler ends it
            Strand target = thread(a[1], "kill");
            return scheduler().atOwnTurn(() -> scheduler().kill(target));
        });
        // shared memory, to compare with messages (docs/kernel.md)
        add("shared", 1, 2, SharedLines::make);
        add("shared_load", 2, a -> SharedLines.load(a[1], a[2]));
        add("shared_store", 3, a -> SharedLines.store(a[1], a[2], a[3]));
        add("shared_cas", 4, a -> SharedLines.cas(a[1], a[2], a[3], a[4]));
        // intrinsics of stdlib/str.chan
        intrinsic("intrinsic_find", 3, a -> TextSearch.find(a[1], a[2], a[3]));
        intrinsic("intrinsic_count", 2, a -> TextSearch.count(a[1], a[2]));
        intrinsic("intrinsic_replace", 3, a -> TextSearch.replace(a[1], a[2], a[3]));
        intrinsic("intrinsic_split", 2, a -> Text.split(a[1], a[2])); // the built-in split, which str.split hides
        intrinsic("intrinsic_limit_length", 1, a -> TextSearch.limitLength(a[1]));
        // intrinsics of stdlib/list.chan
        intrinsic("intrinsic_sort_less", 2, a -> LessSort.sort(a[1], a[2]));
        // of rpc, sync, pipeline and supervisor: monitor(t) that leaves t's crash line printed
        // (Scheduler.watch), so that a library watching the threads it serves hides no crash
        intrinsic("intrinsic_watch", 1, a -> {
            Strand target = thread(a[1], "monitor");
            return scheduler().atOwnTurn(() -> scheduler().watch(target));
        });
    }

    private final Map<String, ChanFunction> functions = new LinkedHashMap<>();
    private final Map<String, ChanFunction> intrinsics = new LinkedHashMap<>();

    /** Makes the function values of every built-in for one language instance. */
    public BuiltinTable(ChanLanguage language) {
        ALL.values().forEach(builtin -> functions.put(builtin.name(), functionOf(language, builtin)));
        INTRINSICS.values().forEach(builtin -> intrinsics.put(builtin.name(), functionOf(language, builtin)));
    }

    private static ChanFunction functionOf(ChanLanguage language, Builtin builtin) {
        return new ChanFunction(builtin.name(), builtin.arity(), new BuiltinRootNode(language, builtin).getCallTarget(), null);
    }

    public ChanFunction lookup(String name) {
        return functions.get(name);
    }

    /** The function value of this language instance for a built-in or an intrinsic. */
    public ChanFunction function(Builtin builtin) {
        return (ALL.get(builtin.name()) == builtin ? functions : intrinsics).get(builtin.name());
    }

    /**
     * The built-in a bare name means where nothing declares it: a built-in of the language, or, in a
     * standard module only ({@code standard}), an intrinsic (see {@link #INTRINSICS}); else null.
     */
    public static Builtin visible(String name, boolean standard) {
        Builtin builtin = ALL.get(name);
        return builtin == null && standard ? INTRINSICS.get(name) : builtin;
    }

    /** Whether a built-in of the language has this name (an intrinsic is none). */
    public static boolean isBuiltinName(String name) {
        return ALL.containsKey(name);
    }

    /** The built-in of the language of this name (an intrinsic is none), or null. */
    public static Builtin named(String name) {
        return ALL.get(name);
    }

    /** Whether the built-in of this name takes exactly one argument. */
    public static boolean takesOneArgument(String name) {
        Builtin b = ALL.get(name);
        return b != null && b.arity() == 1;
    }

    public Iterable<String> names() {
        return functions.keySet();
    }

    private static Object print(Object[] a) {
        String[] shown = new String[a.length - 1];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = Display.print(a[i + 1]);
        }
        String line = StringLimit.join(" ", shown); // the line is a string too, held to the limit
        // Output is seen by everyone: written at the thread's turn, so lines from all cores come out
        // in virtual-time order, and none from past the end of main (Scheduler.atOwnTurn).
        ChanContext context = ChanContext.get(null);
        return context.scheduler().atOwnTurn(() -> {
            context.out().println(line);
            context.printed();
            return ChanNil.NIL;
        });
    }

    private static Object assertion(Object[] a) {
        if (a[1] == ChanNil.NIL || a[1] == Boolean.FALSE) {
            String message = a.length == 3 ? Display.print(a[2]) : "";
            // An empty message says no more than none, and "assertion failed: " would end in a blank.
            throw new ChanError(message.isEmpty() ? "assertion failed" : "assertion failed: " + message);
        }
        return ChanNil.NIL;
    }

    private static Object rand(Object n) {
        if (n instanceof java.math.BigInteger big && big.signum() > 0) {
            throw new ChanError("rand: the bound must be below 2^63, got " + big);
        }
        if (!(n instanceof Long bound) || bound <= 0) {
            throw new ChanError("rand: expected a positive int, got " + Display.repr(n));
        }
        return scheduler().random(bound);
    }

    private static ChanList argsList() {
        return ChanList.of((Object[]) ChanContext.get(null).arguments());
    }

    private static Object makeChannel(Object[] a) {
        long capacity = 0;
        if (a.length == 2) {
            if (!(a[1] instanceof Long n) || n < 0) {
                throw new ChanError("chan: the capacity must be a non-negative int, got " + Display.repr(a[1]));
            }
            if (n > Integer.MAX_VALUE) {
                throw new ChanError("chan: the capacity is too large: at most " + Integer.MAX_VALUE + ", got " + n);
            }
            capacity = n;
        }
        return new Channel(scheduler(), (int) capacity);
    }

    private static Scheduler scheduler() {
        return ChanContext.get(null).scheduler();
    }

    private static Channel channel(Object v, String what) {
        if (v instanceof Channel c) {
            return c;
        }
        throw new ChanError(what + ": expected a channel, got " + Types.name(v));
    }

    private static Strand thread(Object v, String what) {
        if (v instanceof Strand s) {
            return s;
        }
        throw new ChanError(what + ": expected a thread, got " + Types.name(v));
    }

    /** A count of cycles past a 64-bit int is past the end of the virtual clock, whatever the time now. */
    private static String pastTheClock(String what, Object cycles) {
        return what + ": " + cycles + " cycles from now is past the end of the virtual clock (" + Long.MAX_VALUE + " cycles)";
    }

    /**
     * A count of cycles for {@code what} (sleep, after, a choose's `option after`): a non-negative
     * int within 64 bits, else the ChanError that says why.
     */
    public static long cycles(Object v, String what) {
        if (v instanceof Long n && n >= 0) {
            return n;
        }
        if (v instanceof java.math.BigInteger b && b.signum() >= 0) {
            throw new ChanError(pastTheClock(what, b));
        }
        throw new ChanError(what + ": expected a non-negative int of cycles, got " + Display.repr(v));
    }

}
