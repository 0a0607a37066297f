package chan.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `chan FILE.chan [args…] [--cores N] [--machine M] [--seed S] [--stats] [--trace F]`, `chan repl`,
 * `chan test [DIR]` (LANGUAGE.md §6). Options may stand before or after the file; other words after
 * the file are the program's arguments, in order, even those that look like options (`--verbose`,
 * `--n=3`: only chan's own are taken; before the file an unknown one is an error; a valued option
 * takes `--cores=8` as `--cores 8`, a flag given a value, `--stats=yes`, is an error), and everything
 * after `--` goes to the program untouched (a
 * `--` before the file comes before the file, as in `python -- prog.py`). `-h`, `--help` and `--version` are chan's
 * only before the file: after it they are the program's, as any other word. The file `-` is standard
 * input (`chan - args…`, as `python -` and `node -`), even after `--`: a file named `-` is `./-`.
 */
final class CommandLine {
    enum Command { RUN, REPL, TEST, BENCH, HELP, VERSION }

    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static final String USAGE = """
                    usage: chan FILE.chan [args…] [options]   run a program
                           chan - [args…] [options]           run the program read from standard input
                           chan repl [options]                interactive session
                           chan test [DIR | FILE.chan]        run a directory of conformance programs, or one
                           chan --help                        this text
                           chan --version                     the versions of Chan, Truffle and Java
                           chan bench FILE.chan [RUNS] [args…] time a program over RUNS runs in one engine
                             [--baseline CLASS [--baseline-path DIRS]]  each run beside a Java version
                    options: --cores N  --machine NAME|FILE  --seed S  --stats  --trace FILE
                             --warn-leaks  --path DIRS  --max-depth N  --internal-errors
                    tools:   --inspect[=[HOST:]PORT]  debug in Chrome DevTools (--inspect.Suspend=false …)
                             --dap[=[HOST:]PORT]       debug in an editor, over the Debug Adapter Protocol
                             --cpusampler              print a CPU profile of Chan functions at exit
                             --cputracer               print how often each Chan function ran, at exit""";

    /**
     * What follows a usage error instead of the whole usage, whose dozen lines buried the one that
     * says what was wrong (GNU's and Python's "Try … --help").
     */
    static final String HELP_HINT = "Try 'chan --help' for the usage.";

    /** The file name that stands for standard input. */
    static final String STDIN = "-";

    /** Options with a value, and the language option each sets. */
    private static final Map<String, String> VALUED = Map.of("--cores", "chan.Cores", "--machine", "chan.Machine",
                    "--seed", "chan.Seed", "--trace", "chan.Trace", "--path", "chan.Path", "--max-depth", "chan.MaxDepth");
    /** Options of `chan bench` alone (not the program's): its Java baseline (BenchBaseline). */
    private static final Set<String> BENCH_VALUED = Set.of("--baseline", "--baseline-path");
    /** Truffle's tools, whose options pass through to the engine (toolNamed). */
    private static final List<String> TOOLS = List.of("--inspect", "--dap", "--cpusampler", "--cputracer");
    /**
     * Truffle tools other launchers have that this one cannot offer, and why: GraalVM 25 publishes no
     * coverage tool (Maven Central's last is 24.2, which would not load), and the memory tracer counts
     * only the allocations a language reports, which would cost every allocation of a list, tuple or
     * closure a check on the interpreter's fast paths: it would print an empty table.
     */
    private static final Map<String, String> UNAVAILABLE = Map.of(
                    "--coverage", "GraalVM 25 has no coverage tool (--cputracer counts how often each function ran)",
                    "--memtracer", "Chan does not report its allocations to Truffle's memory tracer (--stats counts what each core ran and sent)");
    private static final Map<String, String> FLAGS = Map.of("--stats", "chan.Stats", "--warn-leaks", "chan.WarnLeaks",
                    "--internal-errors", "chan.InternalErrors");

    /**
     * The deepest --max-depth: a recursion ten million calls deep takes minutes and about 4 GB of
     * memory here, and one of a hundred million outgrew the machine's memory (the kernel killed it).
     */
    static final long MAX_DEPTH = 10_000_000;

    private Command command = Command.RUN;
    private String file;
    private final List<String> programArgs = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, String> benchOptions = new LinkedHashMap<>();
    /** Options of the Truffle tools: `--inspect=9229` is `inspect=9229`, `--cpusampler` is `cpusampler=true`. */
    private final Map<String, String> toolOptions = new LinkedHashMap<>();

    static CommandLine parse(String[] args) throws UsageError {
        CommandLine cl = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                int j = i + 1;
                if (cl.file == null && cl.command == Command.RUN) {
                    if (j == args.length) {
                        throw new UsageError("-- must be followed by the program");
                    }
                    cl.file = args[j++];
                }
                for (; j < args.length; j++) {
                    cl.programArgs.add(args[j]);
                }
                break;
            } else if (a.startsWith("--") && a.indexOf('=') > 0 && takesValue(a.substring(0, a.indexOf('=')))) {
                // `--cores=8`, as GraalVM launchers accept
                cl.putValued(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (takesValue(a)) {
                if (i + 1 >= args.length || (args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
                    throw new UsageError(a + " needs a value"); // `--trace --stats` must not write a file named --stats
                }
                cl.putValued(a, args[++i]);
            } else if (a.startsWith("--") && a.indexOf('=') > 0 && FLAGS.containsKey(a.substring(0, a.indexOf('=')))) {
                // `--stats=yes` is chan's flag written wrong, before or after the file: taken as the
                // program's argument, the run went on silently without what was asked (GNU getopt refuses it too)
                throw new UsageError(a.substring(0, a.indexOf('=')) + " takes no value, got " + a);
            } else if (FLAGS.containsKey(a)) {
                cl.options.put(FLAGS.get(a), "true");
            } else if (toolNamed(a, UNAVAILABLE.keySet()) instanceof String tool) {
                throw new UsageError(tool + " is not available: " + UNAVAILABLE.get(tool));
            } else if (toolNamed(a, TOOLS) != null) {
                int eq = a.indexOf('=');
                cl.toolOptions.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            } else if ((a.equals("--help") || a.equals("-h")) && cl.file == null) {
                cl.command = Command.HELP;
            } else if (a.equals("--version") && cl.file == null) {
                cl.command = Command.VERSION;
            } else if (cl.file == null && a.startsWith("-") && a.length() > 1) {
                throw new UsageError("unknown option " + a);
            } else if (cl.file == null && cl.command == Command.RUN && a.equals("bench")) {
                cl.command = Command.BENCH;
            } else if (cl.file == null && cl.command == Command.BENCH) {
                cl.file = a;
            } else if (cl.file == null && cl.command == Command.RUN && (a.equals("repl") || a.equals("test"))) {
                cl.command = a.equals("repl") ? Command.REPL : Command.TEST;
            } else if (cl.command == Command.REPL) {
                throw new UsageError("repl takes no program (load one in the session with :load " + a + ")");
            } else if (cl.command == Command.TEST) {
                if (cl.file != null) {
                    throw new UsageError("test takes one directory, got " + cl.file + " and " + a);
                }
                cl.file = a;
            } else if (cl.file == null && cl.command == Command.RUN) {
                cl.file = a;
            } else {
                cl.programArgs.add(a);
            }
        }
        if (cl.command == Command.RUN && cl.file == null) {
            cl.command = Command.REPL;
        }
        if (cl.command == Command.REPL) {
            cl.refuseRunOnlyOptions();
        } else if (cl.command == Command.TEST && (!cl.options.isEmpty() || !cl.toolOptions.isEmpty())) {
            throw new UsageError("test runs each program with the options of its own '//! args' line, not the command line's");
        } else if (cl.command == Command.BENCH && cl.file == null) {
            throw new UsageError("bench needs a program: chan bench FILE.chan [RUNS] [args…]");
        } else if (cl.command == Command.BENCH && cl.file.equals(STDIN)) {
            throw new UsageError("bench times a program file: it does not read one from standard input");
        }
        if (!cl.benchOptions.isEmpty() && cl.command != Command.BENCH) {
            throw new UsageError(cl.benchOptions.keySet().iterator().next() + " is an option of chan bench");
        }
        if (cl.benchOptions.containsKey("--baseline-path") && !cl.benchOptions.containsKey("--baseline")) {
            throw new UsageError("--baseline-path needs --baseline CLASS");
        }
        return cl;
    }

    /**
     * The REPL has commands of its own for what these options do to a program run. Taking them and
     * doing nothing would hide that, and `chan --trace prog.chan` (the program taken for the trace
     * file) would quietly start a session instead of saying that something is missing.
     */
    private void refuseRunOnlyOptions() throws UsageError {
        String[][] runOnly = {
            {"chan.Trace", "--trace is for a program run (chan PROGRAM --trace FILE); in the REPL, :trace FILE"},
            {"chan.Stats", "--stats is for a program run; in the REPL, :stats"},
            {"chan.WarnLeaks", "--warn-leaks is for a program run; in the REPL, :threads shows where each thread is blocked"},
        };
        for (String[] option : runOnly) {
            if (options.containsKey(option[0])) {
                throw new UsageError(option[1]);
            }
        }
    }

    /**
     * The tool among {@code tools} that the argument {@code a} is an option of, or null: `--inspect`,
     * `--inspect=9229` and `--inspect.Suspend=false` are all `--inspect`'s, the forms Truffle's tools
     * check ({@link #TOOLS}), and `--coverage.Output=…` is `--coverage`'s ({@link #UNAVAILABLE}).
     */
    private static String toolNamed(String a, Collection<String> tools) {
        for (String tool : tools) {
            if (a.startsWith(tool) && (a.length() == tool.length() || a.charAt(tool.length()) == '=' || a.charAt(tool.length()) == '.')) {
                return tool;
            }
        }
        return null;
    }

    private static boolean takesValue(String option) {
        return VALUED.containsKey(option) || BENCH_VALUED.contains(option);
    }

    /** Records a valued option: a language option of the program's context, or one of `chan bench`'s own. */
    private void putValued(String option, String value) throws UsageError {
        if (VALUED.containsKey(option)) {
            options.put(VALUED.get(option), checkValue(option, value));
        } else {
            benchOptions.put(option, value);
        }
    }

    private static String checkValue(String option, String value) throws UsageError {
        if (value.isEmpty() && !option.equals("--path")) {
            throw new UsageError(option + " needs a value");
        }
        if (option.equals("--trace") && value.equals(STDIN)) {
            // `-` is standard input for the program; a file named `-` is seldom meant, and standard
            // output is the program's, where a trace would be mixed into what it prints.
            throw new UsageError("--trace takes a file name, got '-' (standard output is the program's: write the trace to a file, or to /dev/stderr)");
        }
        // A number is given on in its plain form (`+4` as `4`): what the context's options parse, and what a report shows.
        try {
            if (option.equals("--cores")) {
                return Long.toString(WholeNumber.inRange(value, 1, chan.runtime.Machine.MAX_CORES));
            } else if (option.equals("--max-depth")) {
                return Long.toString(WholeNumber.inRange(value, 1, MAX_DEPTH));
            } else if (option.equals("--seed")) {
                return Long.toString(WholeNumber.anyLong(value));
            }
        } catch (WholeNumber.BadNumber e) {
            throw new UsageError(option + " " + e.getMessage());
        }
        return value;
    }

    Command command() {
        return command;
    }

    String file() {
        return file;
    }

    /** Whether the program is read from standard input (`chan -`). */
    boolean programOnStdin() {
        return command == Command.RUN && STDIN.equals(file);
    }

    List<String> programArgs() {
        return programArgs;
    }

    Map<String, String> options() {
        return options;
    }

    /** `--baseline`'s class name, or null. */
    String baseline() {
        return benchOptions.get("--baseline");
    }

    /** `--baseline-path`'s class path, or null (the launcher's own). */
    String baselinePath() {
        return benchOptions.get("--baseline-path");
    }

    Map<String, String> toolOptions() {
        return toolOptions;
    }

    boolean internalErrors() {
        return options.containsKey("chan.InternalErrors");
    }
}
