package chan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./chan --inspect` speaks the Chrome DevTools protocol well enough to debug Chan: a breakpoint set
 * before the run stops in a Chan function, stepping goes over its statements line by line, and the
 * frame shows the function's parameters and locals with their values. Talks to the debugger as DevTools does,
 * over its WebSocket.
 */
class DebuggerProtocolIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void stopsAtABreakpointStepsAndShowsLocals() throws Exception {
        Path program = Files.writeString(dir.resolve("add.chan"), """
                        fn add(a, b) {
                          let sum = a + b;
                          return sum;
                        }
                        print(add(2, 3));
                        """, UTF_8);
        try (Debugged debugged = debug(program, "--inspect.Suspend=false", "--inspect.WaitAttached=true")) {
            Devtools dt = debugged.dt();
            String bp = dt.call("Debugger.setBreakpointByUrl", "{\"lineNumber\":1,\"url\":\"" + program.toUri() + "\"}");
            assertTrue(bp.contains("breakpointId"), bp);
            dt.send("Runtime.runIfWaitingForDebugger", "{}");
            String paused = dt.event("Debugger.paused");
            assertTrue(topFunction(paused).equals("add") && topLine(paused) == 1, "stops at the breakpoint in add, line 2:\n" + paused);

            dt.send("Debugger.stepOver", "{}");
            paused = dt.event("Debugger.paused");
            assertTrue(topFunction(paused).equals("add") && topLine(paused) == 2, "steps over to line 3:\n" + paused);

            Matcher scope = Pattern.compile("\"scopeChain\":\\[\\{.*?\"objectId\":\"([^\"]+)\"").matcher(paused);
            assertTrue(scope.find(), "a local scope:\n" + paused);
            String locals = dt.call("Runtime.getProperties", "{\"objectId\":\"" + scope.group(1) + "\"}");
            for (String[] local : new String[][] {{"a", "2"}, {"b", "3"}, {"sum", "5"}}) {
                Pattern p = Pattern.compile("\"name\":\"" + local[0] + "\",\"value\":\\{[^}]*\"description\":\"" + local[1] + "\"");
                assertTrue(p.matcher(locals).find(), local[0] + " = " + local[1] + " among the locals:\n" + locals);
            }
            debugged.resumeToTheEnd("5\n");
        }
    }

    /**
     * Under the debugger a function is built with the debugger's instrumentation, and that build must
     * see the function's own names, not the top level's (a top-level `sum` and a local `sum` in a
     * function are two variables): built a second time for the debugger, it saw the top level's
     * scope and reported 'sum' as declared twice (ModuleLoader.bytecodeConfig).
     */
    @Test
    void aFunctionBuiltAgainForTheDebuggerSeesItsOwnNames() throws Exception {
        Path program = Files.writeString(dir.resolve("names.chan"), """
                        let sum = 10;
                        fn add(a, b) {
                          let sum = a + b;
                          return sum;
                        }
                        print(add(2, 3), sum);
                        """, UTF_8);
        try (Debugged debugged = debug(program, "--inspect.Suspend=false", "--inspect.WaitAttached=true")) {
            Devtools dt = debugged.dt();
            dt.call("Debugger.setBreakpointByUrl", "{\"lineNumber\":3,\"url\":\"" + program.toUri() + "\"}");
            dt.send("Runtime.runIfWaitingForDebugger", "{}");
            String paused = dt.event("Debugger.paused");
            assertTrue(topFunction(paused).equals("add") && topLine(paused) == 3, "stops at the breakpoint in add, line 4:\n" + paused);
            debugged.resumeToTheEnd("5 10\n");
        }
    }

    @Test
    void stopsBeforeTheFirstStatementAndStepsIntoAFunction() throws Exception {
        Path program = Files.writeString(dir.resolve("twice.chan"), """
                        fn twice(x) {
                          return x * 2;
                        }
                        print(twice(21));
                        """, UTF_8);
        try (Debugged debugged = debug(program)) {
            Devtools dt = debugged.dt();
            dt.send("Runtime.runIfWaitingForDebugger", "{}");
            String paused = dt.event("Debugger.paused");
            assertTrue(topFunction(paused).equals("<main>") && topLine(paused) == 3, "stops at the first statement, line 4:\n" + paused);
            dt.send("Debugger.stepInto", "{}");
            paused = dt.event("Debugger.paused");
            assertTrue(topFunction(paused).equals("twice") && topLine(paused) == 1, "steps into twice, line 2:\n" + paused);
            debugged.resumeToTheEnd("42\n");
        }
    }

    /** A run of `chan --inspect` with its debugger attached; closing it ends the process. */
    private record Debugged(Process chan, Devtools dt, Path out, Path err) implements AutoCloseable {
        /** Resumes the program, which must then end having printed {@code expected}. */
        void resumeToTheEnd(String expected) throws Exception {
            dt.send("Debugger.resume", "{}");
            assertTrue(chan.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the program ends after resume");
            String printed = Files.readString(out, UTF_8);
            assertTrue(printed.equals(expected), printed + Files.readString(err, UTF_8));
        }

        @Override
        public void close() throws InterruptedException {
            chan.destroyForcibly();
            chan.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts `chan --inspect=PORT OPTIONS… program`, its output and errors in files, and connects to
     * its debugger with the runtime and debugger domains on.
     */
    private Debugged debug(Path program, String... options) throws Exception {
        int port = freePort();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(CHAN.toString(), "--inspect=" + port));
        command.addAll(List.of(options));
        command.add(program.toString());
        Process chan = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Devtools dt = new Devtools(webSocketUrl(port, chan, err));
            dt.call("Runtime.enable", "{}");
            dt.call("Debugger.enable", "{}");
            return new Debugged(chan, dt, out, err);
        } catch (Exception | Error e) {
            chan.destroyForcibly();
            throw e;
        }
    }

    private static String topFunction(String paused) {
        Matcher m = Pattern.compile("\"functionName\":\"([^\"]*)\"").matcher(paused);
        return m.find() ? m.group(1) : "";
    }

    private static int topLine(String paused) {
        Matcher m = Pattern.compile("\"location\":\\{[^}]*\"lineNumber\":(\\d+)").matcher(paused);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A DevTools protocol client: numbered requests, their responses, and events, as JSON text. */
    private static final class Devtools implements WebSocket.Listener {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        /** Everything received, for the failure message. */
        private final StringBuilder seen = new StringBuilder();
        private final WebSocket socket;
        private int lastId;

        Devtools(String url) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        }

        int send(String method, String params) {
            int id = ++lastId;
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
            return id;
        }

        String call(String method, String params) throws InterruptedException {
            int id = send(method, params);
            return next(Pattern.compile("\"id\":" + id + "[,}]"), method + " response");
        }

        String event(String method) throws InterruptedException {
            return next(Pattern.compile(Pattern.quote("\"method\":\"" + method + "\"")), method);
        }

        private String next(Pattern marker, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(1, TimeUnit.SECONDS);
                if (m != null) {
                    seen.append(m.length() > 300 ? m.substring(0, 300) + "…" : m).append('\n');
                }
                if (m != null && marker.matcher(m).find()) {
                    return m;
                }
            }
            fail("no " + what + " within " + WAIT_SECONDS + " s; received:\n" + seen);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private static String webSocketUrl(int port, Process chan, Path err) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json")).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!chan.isAlive()) {
                fail("./chan --inspect ended:\n" + Files.readString(err, UTF_8));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\"webSocketDebuggerUrl\":\"([^\"]+)\"").matcher(response.body());
                if (response.statusCode() == 200 && m.find()) {
                    return m.group(1);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        fail("the debugger did not answer on port " + port);
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
