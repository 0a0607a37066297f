package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Truffle tools shipped with the launcher: `./chan --inspect` serves the Chrome DevTools protocol
 * (its /json endpoint lists the Chan program with a ws:// debugger URL), `./chan --dap` the Debug
 * Adapter Protocol, and `./chan --cpusampler` and `--cputracer` print a profile naming the Chan
 * functions that ran, with their file and line, after the program's own output and with its exit code.
 */
class ToolsIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();
    private static final String FIB = """
                    fn fib(n) { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }
                    let c = chan();
                    start { c <- fib(24); };
                    print(<-c);
                    """;

    /** Threads, channels, a stdlib module and a closure: every kind of root a profile names. */
    private static final String PIPELINE = """
                    import list;
                    fn square(x) { return x * x; }
                    fn worker(in, out) {
                      for (v in in) { out <- square(v); }
                      close(out);
                    }
                    let a = chan(4);
                    let b = chan(4);
                    start worker(a, b);
                    start { for (i in range(1, 6)) { a <- i; } close(a); };
                    let got = [];
                    for (v in b) { got = push(got, v); }
                    print(list.fold(got, 0, fn (s, v) => s + v));
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

    @Test
    void cpuSamplerAndTracerNameTheFunctionsOfThreadsAndModulesWithTheirLines() throws Exception {
        Path program = Files.writeString(dir.resolve("pipeline.chan"), PIPELINE, UTF_8);
        String sampled = runToTheEnd("--cpusampler", "--cpusampler.Period=1", program.toString());
        assertTrue(sampled.startsWith("55\n") && sampled.contains("Sampling Histogram"), sampled);
        assertFalse(sampled.contains("<unknown>"), sampled);
        String traced = runToTheEnd("--cputracer", program.toString());
        assertTrue(traced.startsWith("55\n") && traced.contains("Tracing Histogram"), traced);
        assertFalse(traced.contains("<unknown>"), traced);
        // Each root by its function's name and its lines: the worker thread's callee, the closure,
        // the `start` block, and the stdlib function the closure was handed to.
        for (String row : new String[] {" square +\\| +5 .*pipeline\\.chan~2:", " <fn> +\\| +5 .*pipeline\\.chan~13:",
            " <start> +\\| +1 .*pipeline\\.chan~10:", " fold +\\| +1 .*stdlib/list\\.chan~\\d+-\\d+:"}) {
            assertTrue(Pattern.compile("(?m)^" + row).matcher(traced).find(), row + " in:\n" + traced);
        }
    }

    @Test
    void inspectWithoutAClientRunsTheProgramToItsEnd() throws Exception {
        Path program = Files.writeString(dir.resolve("pipeline.chan"), PIPELINE, UTF_8);
        String printed = runToTheEnd("--inspect=" + freePort(), "--inspect.Suspend=false", program.toString());
        assertTrue(printed.contains("Debugger listening on ws://") && printed.contains("55\n"), printed);
    }

    /**
     * `./chan --dap=PORT` waits for an editor; the session of one: it stops before the first
     * statement, in the imported module's initialisation under the program's, and the program then
     * runs to its end with its output and exit code once the editor has disconnected.
     */
    @Test
    void dapServesTheDebugAdapterProtocol() throws Exception {
        Path program = Files.writeString(dir.resolve("pipeline.chan"), PIPELINE, UTF_8);
        int port = freePort();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process chan = new ProcessBuilder(CHAN.toString(), "--dap=" + port, program.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (Dap dap = Dap.connect(port, chan, err)) {
            dap.request("initialize", "{\"adapterID\":\"chan\"}");
            dap.request("launch", "{}");
            dap.request("configurationDone", "{}");
            dap.await("\"event\":\"stopped\"");
            String frames = dap.await(dap.request("stackTrace", "{\"threadId\":1}"));
            assertTrue(Pattern.compile("\"name\":\"<module list>\".*\"name\":\"<main>\",\"column\":1,\"id\":\\d+,\"source\":\\{\"path\":\"[^\"]*pipeline\\.chan\"")
                            .matcher(frames).find(), frames);
            dap.request("continue", "{\"threadId\":1}");
            dap.await("\"event\":\"terminated\"");
            dap.await(dap.request("disconnect", "{}"));
            dap.close(); // the tool holds the run's end until the editor has gone
            assertTrue(chan.waitFor(60, TimeUnit.SECONDS), "ends after the session");
            assertEquals(0, chan.exitValue(), Files.readString(err, UTF_8));
            // The tool writes its own lines to the engine's output, which is the program's (docs/embedding.md).
            String printed = Files.readString(out, UTF_8);
            assertTrue(printed.startsWith("[Graal DAP] Starting server") && printed.endsWith("\n55\n"), printed);
        } finally {
            chan.destroyForcibly();
            chan.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A Debug Adapter Protocol client: requests framed by Content-Length, and what came back, as text. */
    private static final class Dap implements AutoCloseable {
        private final Socket socket;
        private final StringBuilder received = new StringBuilder();
        private int seq;

        private Dap(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(1000);
        }

        static Dap connect(int port, Process chan, Path err) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!chan.isAlive()) {
                    fail("./chan --dap ended with " + chan.exitValue() + ":\n" + Files.readString(err, UTF_8));
                }
                try {
                    return new Dap(new Socket("127.0.0.1", port));
                } catch (IOException notYet) {
                    Thread.sleep(300);
                }
            }
            fail("nothing listened on port " + port + ":\n" + Files.readString(err, UTF_8));
            return null;
        }

        /** Sends a request; returns what marks its response. */
        String request(String command, String arguments) throws IOException {
            byte[] body = ("{\"seq\":" + ++seq + ",\"type\":\"request\",\"command\":\"" + command + "\",\"arguments\":" + arguments + "}").getBytes(UTF_8);
            socket.getOutputStream().write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
            socket.getOutputStream().write(body);
            return "\"request_seq\":" + seq + ",";
        }

        /** Everything received once {@code marker} has come, within a minute. */
        String await(String marker) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            byte[] buffer = new byte[65536];
            while (received.indexOf(marker) < 0) {
                if (System.nanoTime() > deadline) {
                    fail("no " + marker + " within a minute; received:\n" + received);
                }
                try {
                    int n = socket.getInputStream().read(buffer);
                    if (n < 0) {
                        fail("the debugger closed the connection before " + marker + "; received:\n" + received);
                    }
                    received.append(new String(buffer, 0, n, UTF_8));
                } catch (java.net.SocketTimeoutException notYet) {
                    // wait on
                }
            }
            return received.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** `./chan ARGS…` run to its end (exit 0), its output and errors in one text. */
    private String runToTheEnd(String... args) throws Exception {
        Path out = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(CHAN.toString()));
        command.addAll(List.of(args));
        Process chan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!chan.waitFor(300, TimeUnit.SECONDS)) {
            chan.destroyForcibly();
            fail(command + " did not end");
        }
        String text = Files.readString(out, UTF_8);
        assertEquals(0, chan.exitValue(), text);
        return text;
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
