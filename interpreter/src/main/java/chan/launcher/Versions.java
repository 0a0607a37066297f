package chan.launcher;

import chan.ChanLanguage;
import org.graalvm.polyglot.Engine;

/**
 * `chan --version`: what a bug report needs to say which Chan ran, on which Truffle and JVM, and
 * whether the Graal JIT was active (a build that fell back to Truffle's interpreter-only runtime runs
 * the same programs many times slower).
 */
final class Versions {
    private Versions() {}

    static String describe() {
        String runtime;
        try (Engine engine = Engine.newBuilder("chan").option("engine.WarnInterpreterOnly", "false").build()) {
            runtime = runtime(engine);
        }
        // The engine's own version reads "Development Build" from Maven's jars; their manifests hold the release.
        String truffle = com.oracle.truffle.api.TruffleLanguage.class.getPackage().getImplementationVersion();
        return "chan " + ChanLanguage.VERSION + " (language contract v1)\n"
                        + "runtime: " + runtime + ", Truffle " + (truffle != null ? truffle : "(version unknown)") + "\n"
                        + "java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")\n";
    }

    /** The engine's runtime, and whether the Graal JIT is active ("Interpreted" is the fallback runtime); `chan bench` prints it too. */
    static String runtime(Engine engine) {
        String name = engine.getImplementationName();
        return name.contains("Interpreted") ? name + " (JIT NOT active)" : name + " (JIT active)";
    }
}
