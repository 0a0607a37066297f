package chan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.launcher.ChanMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chan ports of the Are-We-Fast-Yet benchmarks (bench/awfy/*.chan) compute what their Java
 * baselines (bench/awfy/java) compute: each runs one inner iteration, checks its own result (the
 * suite's verifyResult), and the printed results must be equal. The Java sources are compiled
 * here, so they stay out of the reactor build.
 */
class AwfyChecksumTest {
    private static final Path AWFY = Path.of("bench", "awfy");
    private static final String[][] BENCHMARKS = {
        {"Bounce", "bounce"}, {"List", "list"}, {"Mandelbrot", "mandelbrot"}, {"NBody", "nbody"},
        {"Permute", "permute"}, {"Queens", "queens"}, {"Richards", "richards"}, {"Sieve", "sieve"},
        {"Storage", "storage"}, {"Towers", "towers"},
    };

    private static ClassLoader java;

    /** Where the Java ports are compiled to; JUnit deletes it after the class's tests. */
    @TempDir
    static Path classes;

    @BeforeAll
    static void compileJavaPorts() throws IOException {
        Path out = classes;
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        try (Stream<Path> sources = Files.list(AWFY.resolve("java").resolve("awfy"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the Java ports do not compile");
        java = new URLClassLoader(new URL[]{out.toUri().toURL()}, AwfyChecksumTest.class.getClassLoader());
    }

    @TestFactory
    Stream<DynamicTest> chanAndJavaAgree() {
        return Stream.of(BENCHMARKS).map(b -> dynamicTest(b[0], () -> {
            String expected = b[0] + ": " + javaResult(b[0]) + "\n";
            assertEquals(expected, chanOutput(AWFY.resolve(b[1] + ".chan")), b[1] + ".chan");
        }));
    }

    /** The Java port's result for one inner iteration (it throws if its verifyResult fails). */
    private static String javaResult(String name) throws ReflectiveOperationException {
        Class<?> benchmark = java.loadClass("awfy.Benchmark");
        Object instance = benchmark.getMethod("named", String.class).invoke(null, name);
        return String.valueOf(benchmark.getMethod("run", int.class).invoke(instance, 1));
    }

    /** What the Chan port prints for one inner iteration; it must also exit 0 (its own check passed). */
    private static String chanOutput(Path program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ChanMain.run(new String[]{program.toString(), "1"}, new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, program + " failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
