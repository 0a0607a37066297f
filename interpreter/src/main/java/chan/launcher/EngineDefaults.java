package chan.launcher;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.impl.DefaultTruffleRuntime;
import org.graalvm.polyglot.Context;

/**
 * Engine options the launcher sets for every program it runs (`chan FILE`, `chan bench`, `chan test`,
 * the REPL), each overridable from the JVM's command line, e.g.
 * {@code CHAN_JAVA_OPTS=-Dpolyglot.compiler.InliningRecursionDepth=2}.
 */
final class EngineDefaults {
    /**
     * Truffle inlines a recursive call two levels deep by default and compiles the next level as a
     * real call. Chan code recurses a lot, and a real call costs a Truffle call (an arguments array,
     * boxes, the entry's charge) where the inlined body costs little; one level more measured 2.6x
     * instead of 2.8-3.1x Java on the Are-We-Fast-Yet geometric mean, with 4 worse again
     * (bench/README.md, "Recursive inlining, one level deeper").
     */
    private static final String RECURSION_DEPTH_OPTION = "compiler.InliningRecursionDepth";
    private static final String RECURSION_DEPTH = "3";

    private EngineDefaults() {}

    static Context.Builder apply(Context.Builder builder) {
        if (compiles() && System.getProperty("polyglot." + RECURSION_DEPTH_OPTION) == null) {
            // An experimental option of the Graal compiler (its stability, not its safety).
            builder.allowExperimentalOptions(true).option(RECURSION_DEPTH_OPTION, RECURSION_DEPTH);
        }
        return builder;
    }

    /**
     * Whether Truffle runs with its optimizing runtime: the compiler's options exist only there, and
     * the fallback runtime (no JVMCI, or -Dtruffle.UseFallbackRuntime=true) refuses them as unknown.
     * By the time a launcher builds a context the runtime exists: asking for it costs nothing.
     */
    private static boolean compiles() {
        return !(Truffle.getRuntime() instanceof DefaultTruffleRuntime);
    }
}
