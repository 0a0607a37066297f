package chan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

/** Checks that Chan runs on the optimizing Truffle runtime (the Graal JIT), not the ~30x slower fallback. */
class JitActiveTest {
    @Test
    void optimizingRuntimeIsActive() {
        try (Engine engine = Engine.newBuilder("chan").option("engine.WarnInterpreterOnly", "false").build()) {
            String name = engine.getImplementationName();
            assertFalse(name.contains("Interpreted"), "Truffle runs on the fallback runtime: " + name
                            + " (the Graal compiler must be on --upgrade-module-path, see interpreter/pom.xml)");
            assertTrue(engine.getLanguages().containsKey("chan"));
        }
    }
}
