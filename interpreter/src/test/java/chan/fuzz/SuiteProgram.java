package chan.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import chan.fuzz.ProgramRunner.Mode;
import chan.fuzz.ProgramRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;

/**
 * One of the repository's own programs as SuiteAgreesCompiled runs it: a conformance program or an
 * example with the machine options, program arguments and standard input its `//!` directives give
 * (tests/README.md), or an Are-We-Fast-Yet port with a small inner iteration count. It runs once
 * interpreted and once with every function compiled early, as the generated programs do.
 *
 * <p>None is left out: a program that reads its input gets its `//! stdin` file in both runs, and
 * what a program prints depends on nothing else (the clock is virtual; `bench_start` and
 * `bench_stop` print nothing).
 */
record SuiteProgram(Path file, List<String> options, List<String> programArgs, Path stdin) {
    /** The directories of programs with an X.out beside them (conformance cases and examples). */
    private static final List<String> CASE_DIRS = List.of("tests", "examples");
    /** Inner iterations of an Are-We-Fast-Yet port: enough for its loops to reach compiled code. */
    private static final String AWFY_INNER = "2";
    private static final Set<String> CHAN_OPTIONS_WITH_VALUE = Set.of("--cores", "--seed", "--max-depth", "--machine");
    private static final Set<String> CHAN_FLAGS = Set.of("--stats", "--warn-leaks");

    /** Every program, sorted by path: the conformance cases, the examples and the benchmark ports. */
    static List<SuiteProgram> all() {
        List<SuiteProgram> programs = new ArrayList<>();
        for (String dir : CASE_DIRS) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".chan") && Files.isRegularFile(outFile(f))).sorted()
                                .forEach(f -> programs.add(ofCase(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Stream<Path> files = Files.list(Path.of("bench", "awfy"))) {
            files.filter(f -> f.toString().endsWith(".chan") && !f.getFileName().toString().equals("harness.chan")).sorted()
                            .forEach(f -> programs.add(new SuiteProgram(f, List.of(), List.of(AWFY_INNER), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programs;
    }

    static Path outFile(Path program) {
        String name = program.getFileName().toString();
        return program.resolveSibling(name.substring(0, name.length() - ".chan".length()) + ".out");
    }

    /** A conformance case or example, read from its directives as ConformanceCase reads them. */
    static SuiteProgram ofCase(Path file) {
        List<String> options = new ArrayList<>();
        List<String> programArgs = new ArrayList<>();
        Path stdin = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, UTF_8);
        } catch (IOException e) {
            lines = List.of(); // not UTF-8: a syntax error in both modes, with no directives
        }
        int i = !lines.isEmpty() && lines.get(0).startsWith("#!") ? 1 : 0;
        for (; i < lines.size() && lines.get(i).startsWith("//!"); i++) {
            String[] words = lines.get(i).substring(3).trim().split("\\s+");
            if (words[0].equals("stdin")) {
                stdin = file.resolveSibling(words[1]);
            } else if (words[0].equals("args")) {
                boolean programOnly = false;
                for (int w = 1; w < words.length; w++) {
                    if (programOnly) {
                        programArgs.add(words[w]);
                    } else if (words[w].equals("--")) {
                        programOnly = true;
                    } else if (CHAN_OPTIONS_WITH_VALUE.contains(words[w]) && w + 1 < words.length) {
                        options.add(words[w]);
                        options.add(words[++w]);
                    } else if (CHAN_FLAGS.contains(words[w])) {
                        options.add(words[w]);
                    } else {
                        programArgs.add(words[w]); // a word after the file that is no option is the program's
                    }
                }
            }
        }
        return new SuiteProgram(file, List.copyOf(options), List.copyOf(programArgs), stdin);
    }

    String name() {
        return file.toString();
    }

    /** The ./chan command line that runs it (its arguments and input included), for a report. */
    String commandLine() {
        List<String> words = new ArrayList<>(List.of("./chan", file.toString()));
        words.addAll(options);
        if (!programArgs.isEmpty()) {
            words.add("--");
            words.addAll(programArgs);
        }
        return String.join(" ", words) + (stdin == null ? "" : " < " + stdin);
    }

    Result run(Mode mode, long timeoutMillis) {
        try (InputStream in = stdin == null ? InputStream.nullInputStream() : Files.newInputStream(stdin)) {
            Source source = Source.newBuilder("chan", file.toFile()).name(file.toString()).build();
            return ProgramRunner.run(source, options, programArgs, in, mode, timeoutMillis, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the program's interpreted and compiled runs, or null when they agree. */
    String disagreement(long timeoutMillis) {
        Result interpreted = run(Mode.INTERPRETED, timeoutMillis);
        Result compiled = run(Mode.COMPILED, timeoutMillis * 3);
        String problem = problem(interpreted, compiled);
        return problem == null ? null
                        : name() + ": " + problem + "\nrun it: " + commandLine() + "\n=== interpreted: " + interpreted.describe()
                                        + "=== compiled: " + compiled.describe();
    }

    /**
     * As CompiledAgreesWithInterpreterTest.problem, except that a static error (exit 2) is what some
     * of these programs are for: both runs must then print the same error.
     */
    static String problem(Result interpreted, Result compiled) {
        if ((interpreted.exit() == 2 || compiled.exit() == 2) && !interpreted.timedOut() && !compiled.timedOut()) {
            if (interpreted.exit() != compiled.exit()) {
                return "exit codes differ";
            }
            return interpreted.stderr().equals(compiled.stderr()) && interpreted.stdout().equals(compiled.stdout()) ? null
                            : "the static errors differ";
        }
        return CompiledAgreesWithInterpreterTest.problem(interpreted, compiled);
    }
}
