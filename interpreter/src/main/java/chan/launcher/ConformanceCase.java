package chan.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One program of the conformance suite and the rules that judge it (tests/README.md), shared by
 * `chan test` ({@link TestCommand}) and JUnit's ConformanceTest so that both apply the same rules.
 *
 * <p>A case is {@code X.chan} and its leading {@code //!} directives ({@code exit N}, {@code args WORDS…}
 * given after the file, {@code stdin FILE} beside the program). Beside it: {@code X.out}, the exact stdout (required), and optionally {@code X.err}, the exact
 * stderr with the program's path written as its bare file name. Without {@code X.err}, stderr must be
 * empty when the expected exit code is 0 and is not compared otherwise. The project's own suites also
 * open with a comment saying what the program checks ({@link #houseStyleFault}), a rule that
 * ConformanceTest adds and `chan test` does not: a user's directory is not held to our style.
 *
 * <p>Each run gets a fresh in-process interpreter ({@link ChanMain#run}) with its own streams, on its
 * own thread so that a program that never ends fails after {@code chan.test.timeout} seconds (120),
 * and is then cancelled, so that it does not go on running beside the cases after it.
 * A file of about 200 lines: the rules are easier to check when they are all in one place.
 */
public final class ConformanceCase {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(Long.getLong("chan.test.timeout", 120));
    /** How long a cancelled program may take to leave its context before the case gives up on it. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    /** Why a case failed: one line for `chan test`, and the same with the run's output for JUnit. */
    public record Failure(String summary, String detail) {}

    private record Expectation(int exit, List<String> args, Path stdin, String out, String err) {}

    private record Outcome(int exit, String out, String err, Throwable crash, boolean timedOut) {}

    private final Path program;
    private final String name;

    private ConformanceCase(Path program, String name) {
        this.program = program;
        this.name = name;
    }

    /** The path given to the interpreter: the suite directory as given, resolved with {@link #name}. */
    public Path program() {
        return program;
    }

    /** The path under the suite directory, with `/` separators, e.g. `lang/closures.chan`. */
    public String name() {
        return name;
    }

    /** Every `*.chan` under dir, at any depth, sorted by {@link #name}. */
    public static List<ConformanceCase> discover(Path dir) throws IOException {
        return filesEndingIn(dir, ".chan").stream().map(n -> new ConformanceCase(dir.resolve(n), n)).toList();
    }

    /** One program, checked against the `X.out` and `X.err` beside it. */
    public static ConformanceCase of(Path program) {
        return new ConformanceCase(program, program.getFileName().toString());
    }

    /** The names of `X.out` and `X.err` files under dir with no `X.chan` beside them: each a failure. */
    public static List<String> orphans(Path dir) throws IOException {
        List<String> programs = filesEndingIn(dir, ".chan");
        return filesEndingIn(dir, ".out", ".err").stream()
                .filter(n -> !programs.contains(n.substring(0, n.length() - 4) + ".chan")).toList();
    }

    private static List<String> filesEndingIn(Path dir, String... suffixes) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith)).sorted().toList();
        }
    }

    /** Runs the program and judges it; empty if it did exactly what its expectation files say. */
    public Optional<Failure> check() {
        return check(TIME_LIMIT);
    }

    /** The same with another time limit than {@code chan.test.timeout}'s. */
    public Optional<Failure> check(Duration timeLimit) {
        Expectation expected;
        try {
            expected = expectation();
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof IOException ? "cannot read: " + e : e.getMessage();
            return Optional.of(new Failure(why, why));
        }
        Outcome actual;
        try {
            actual = execute(expected, timeLimit);
        } catch (IOException | InterruptedException e) {
            return Optional.of(new Failure("cannot run: " + e, stackTrace(e)));
        }
        return judge(expected, actual, timeLimit);
    }

    /**
     * The rule of the project's own tests/ and examples/ (tests/README.md), which `chan test` does not
     * apply: the first line after the directives is a comment saying what the program checks.
     * Empty if it is.
     */
    public Optional<String> houseStyleFault() throws IOException {
        List<String> lines = lines();
        int i = directiveCount(lines);
        if (i == lines.size() || !(lines.get(i).startsWith("//") || lines.get(i).startsWith("/*"))) {
            return Optional.of("line " + (i + 1) + ": must be a comment saying what the program checks");
        }
        return Optional.empty();
    }

    /**
     * The program's lines, a byte that is not UTF-8 read as U+FFFD: the language reports such a file
     * as a syntax error (exit 2), which a case must be able to expect, and its directives are ASCII.
     */
    private List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>(new String(Files.readAllBytes(program), UTF_8).lines().toList());
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1)); // a byte-order mark, which the language skips too
        }
        return lines;
    }

    /**
     * Where the leading {@code //!} directives end: after a {@code #!} first line, which the language
     * skips (chan.parser.Shebang), if there is one.
     */
    private static int directiveCount(List<String> lines) {
        int n = firstDirective(lines);
        while (n < lines.size() && lines.get(n).startsWith("//!")) {
            n++;
        }
        return n;
    }

    /** The line of the first directive: 1 after a {@code #!} first line, else 0. */
    private static int firstDirective(List<String> lines) {
        return !lines.isEmpty() && lines.get(0).startsWith("#!") ? 1 : 0;
    }

    /** Reads the directives and the expectation files; a malformed case is an IllegalArgumentException. */
    private Expectation expectation() throws IOException {
        List<String> lines = lines();
        int exit = 0;
        List<String> args = new ArrayList<>();
        Path stdin = null;
        int directives = directiveCount(lines);
        for (int i = firstDirective(lines); i < directives; i++) {
            String[] words = lines.get(i).substring(3).trim().split("\\s+");
            switch (words[0]) {
                case "exit" -> exit = exitCode(words, i + 1);
                case "args" -> args.addAll(List.of(words).subList(1, words.length));
                case "stdin" -> stdin = stdinFile(words, i + 1);
                default -> throw bad("line " + (i + 1) + ": unknown directive '//! " + words[0] + "'");
            }
        }
        Path out = sibling(".out");
        if (!Files.isRegularFile(out)) {
            throw bad(Files.exists(out) ? out.getFileName() + " is not a regular file" : "no " + out.getFileName() + " beside it");
        }
        Path err = sibling(".err");
        return new Expectation(exit, List.copyOf(args), stdin, expectedText(out),
                Files.isRegularFile(err) ? expectedText(err) : null);
    }

    /** An X.out or X.err: what the program prints is UTF-8, so a file that is not can never match. */
    private static String expectedText(Path file) throws IOException {
        try {
            return Files.readString(file, UTF_8);
        } catch (CharacterCodingException e) {
            throw bad(file.getFileName() + " is not UTF-8 text");
        }
    }

    private static int exitCode(String[] words, int line) {
        if (words.length != 2 || !words[1].matches("\\d{1,3}")) {
            throw bad("line " + line + ": expected '//! exit N'");
        }
        return Integer.parseInt(words[1]);
    }

    private Path stdinFile(String[] words, int line) {
        if (words.length != 2) {
            throw bad("line " + line + ": expected '//! stdin FILE'");
        }
        Path file = program.resolveSibling(words[1]);
        if (!Files.isRegularFile(file)) {
            throw bad("line " + line + ": no stdin file " + file);
        }
        return file;
    }

    private Path sibling(String extension) {
        String file = program.getFileName().toString();
        return program.resolveSibling(file.substring(0, file.length() - ".chan".length()) + extension);
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(why);
    }

    /** Runs `chan PROGRAM ARGS…` in this process, on a thread of its own, with fresh streams. */
    private Outcome execute(Expectation expected, Duration timeLimit) throws IOException, InterruptedException {
        String[] argv = Stream.concat(Stream.of(program.toString()), expected.args().stream()).toArray(String[]::new);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int[] exit = {-1};
        Throwable[] crash = {null};
        Cancellation cancellation = new Cancellation();
        try (InputStream in = expected.stdin() == null ? InputStream.nullInputStream() : Files.newInputStream(expected.stdin());
             PrintStream o = new PrintStream(out, true, UTF_8);
             PrintStream e = new PrintStream(err, true, UTF_8)) {
            Thread runner = new Thread(() -> {
                try {
                    exit[0] = ChanMain.run(argv, in, o, e, cancellation);
                } catch (Throwable t) {
                    crash[0] = t;
                }
            }, "conformance " + name);
            runner.setDaemon(true);
            runner.start();
            runner.join(timeLimit.toMillis());
            boolean timedOut = runner.isAlive();
            if (timedOut) {
                cancel(cancellation, runner);
            }
            // join() orders the runner's writes before these reads; after a time-out they may be torn,
            // which only affects the text of the failure.
            return new Outcome(exit[0], out.toString(UTF_8), err.toString(UTF_8), crash[0], timedOut);
        }
    }

    /**
     * Cancels a program that outlived its limit, from a thread of its own: a program blocked outside
     * guest code (reading a stdin that never ends) cannot be cancelled, and the case must not wait
     * for it longer than {@link #CANCEL_WAIT}.
     */
    private static void cancel(Cancellation cancellation, Thread runner) throws InterruptedException {
        Thread canceller = new Thread(cancellation::cancel, "conformance cancel");
        canceller.setDaemon(true);
        canceller.start();
        runner.join(CANCEL_WAIT.toMillis());
    }

    /**
     * Positions as the expected files write them: the program by its bare file name, its own modules
     * by their paths from its directory (`mods/helper.chan`), the standard modules from the Chan
     * installation (`stdlib/list.chan`), wherever the suite and Chan were started from.
     */
    private String shownRelative(String text) {
        Path dir = program.getParent();
        String shown = dir == null ? text : text.replace(dir + "/", "");
        String home = Path.of(System.getProperty("chan.home", ".")).normalize().toString();
        return home.isEmpty() ? shown : shown.replace(home + "/stdlib/", "stdlib/");
    }

    private Optional<Failure> judge(Expectation expected, Outcome actual, Duration timeLimit) {
        String err = shownRelative(actual.err());
        String summary;
        if (actual.crash() != null) {
            summary = "the interpreter threw " + actual.crash();
        } else if (actual.timedOut()) {
            summary = "timed out after " + timeLimit.toSeconds() + " s";
        } else if (actual.exit() != expected.exit()) {
            summary = "exit code " + actual.exit() + ", expected " + expected.exit()
                    + (err.isEmpty() ? "" : "; stderr: " + show(err.lines().findFirst().orElse("")));
        } else if (!actual.out().equals(expected.out())) {
            summary = "stdout " + firstDifference(expected.out(), actual.out());
        } else if (expected.err() != null && !err.equals(expected.err())) {
            summary = "stderr " + firstDifference(expected.err(), err);
        } else if (expected.err() == null && expected.exit() == 0 && !err.isEmpty()) {
            summary = "unexpected stderr: " + show(err.lines().findFirst().orElse(""));
        } else {
            return Optional.empty();
        }
        String detail = summary + "\n--- stdout ---\n" + clip(actual.out()) + "--- stderr ---\n" + clip(err)
                + (actual.crash() == null ? "" : "--- exception ---\n" + stackTrace(actual.crash()));
        return Optional.of(new Failure(summary, detail));
    }

    /** Where two texts first differ, as `line N: expected "…", got "…"`. */
    static String firstDifference(String expected, String actual) {
        if (actual.equals(expected + "\n")) {
            return "has an extra newline at the end";
        }
        if (expected.equals(actual + "\n")) {
            return "lacks the newline at the end";
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        return "line " + (i + 1) + ": expected " + (i < e.size() ? show(e.get(i)) : "end of output")
                + ", got " + (i < a.size() ? show(a.get(i)) : "end of output");
    }

    /** The lines of a text split at '\n' only (a '\r' stays visible), without the empty one after a last '\n'. */
    private static List<String> lines(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        return text.isEmpty() || text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
    }

    /** A line quoted, its control characters escaped, cut at 120 characters. */
    private static String show(String line) {
        var sb = new StringBuilder("\"");
        line.codePoints().limit(120).forEach(c -> {
            switch (c) {
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '"', '\\' -> sb.append('\\').appendCodePoint(c);
                default -> sb.append(c < 0x20 ? String.format("\\u{%x}", c) : Character.toString(c));
            }
        });
        return sb.append(line.codePointCount(0, line.length()) > 120 ? "…\"" : "\"").toString();
    }

    private static String clip(String text) {
        String body = text.length() > 4000 ? text.substring(0, 4000) + "\n… (cut)\n" : text;
        return body.isEmpty() || body.endsWith("\n") ? body : body + "\n";
    }

    private static String stackTrace(Throwable t) {
        var w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
