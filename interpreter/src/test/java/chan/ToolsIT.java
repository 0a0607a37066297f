package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Truffle tools shipped with the launcher: `./chan --inspect` serves the Chrome DevTools protocol
 * (its /json endpoint lists the Chan program with a ws:// debugger URL), and `./chan --cpusampler`
 * prints a profile naming the Chan functions that ran.
 */
class ToolsIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();
    private static final String FIB = """
                    fn fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }
                    let c = chan();
                    start { c <- fib(24); };
                    print(<-c);
                    """;

    @TempDir
    Path dir;

    @Test
    void inspectServesTheDebuggerEndpoint() throws Exception {
        Path program = Files.writeString(dir.resolve("fib.chan"), FIB, UTF_8);
        int port = freePort();
        Path err = dir.resolve("err.txt");
        Process chan = new ProcessBuilder(CHAN.toString(), "--inspect=" + port, program.toString())
                        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        try {
            String json = getJson(port, chan, err);
            assertTrue(json.contains("\"webSocketDebuggerUrl\":\"ws://127.0.0.1:" + port + "/"), json);
            Matcher printed = Pattern.compile("Debugger listening on (ws://\\S+)").matcher(Files.readString(err, UTF_8));
            assertTrue(printed.find(), "the ws URL is printed:\n" + Files.readString(err, UTF_8));
            assertTrue(json.contains(printed.group(1)), "the printed URL is the endpoint's:\n" + json);
        } finally {
            chan.destroyForcibly();
            chan.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void cpuSamplerProfilesChanFunctions() throws Exception {
        Path program = Files.writeString(dir.resolve("fib.chan"), FIB, UTF_8);
        Path out = dir.resolve("out.txt");
        Process chan = new ProcessBuilder(CHAN.toString(), "--cpusampler", program.toString())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!chan.waitFor(300, TimeUnit.SECONDS)) {
            chan.destroyForcibly();
            fail("./chan --cpusampler did not end");
        }
        String text = Files.readString(out, UTF_8);
        assertEquals(0, chan.exitValue(), text);
        assertTrue(text.startsWith("46368\n"), text);
        assertTrue(text.contains("Sampling Histogram"), text);
        assertTrue(Pattern.compile("(?m)^ fib +\\|\\|.*fib\\.chan~1:").matcher(text).find(), "a row for the Chan function fib:\n" + text);
    }

    private static String getJson(int port, Process chan, Path err) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json")).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!chan.isAlive()) {
                fail("./chan --inspect ended with " + chan.exitValue() + ":\n" + Files.readString(err, UTF_8));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // the debugger is not listening yet
            }
            Thread.sleep(300);
        }
        fail("nothing answered on port " + port + ":\n" + Files.readString(err, UTF_8));
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
