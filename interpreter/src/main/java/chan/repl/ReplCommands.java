package chan.repl;

import chan.launcher.WholeNumber;
import chan.runtime.MachineException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The REPL's `:` commands (docs/repl.md). `:machine`, `:cores` and `:seed` change the simulated
 * machine, which means a fresh one: like `:reset`, they drop every name and thread.
 */
final class ReplCommands {
    static final List<String> NAMES = List.of(":help", ":load", ":reset", ":machine", ":cores", ":seed", ":threads",
                    ":stats", ":trace", ":time", ":quit");

    static final String HELP = """
                    Type Chan declarations and statements; an input ending in an expression prints its value.
                    An input with open brackets continues on the next line. Names stay defined between inputs.
                      :help               this text
                      :load FILE          run FILE as one input; its declarations stay in scope
                      :reset              forget every name and thread; a fresh machine
                      :machine NAME|FILE  use another simulated machine (resets the session)
                      :cores N            use N cores of the machine (resets the session)
                      :seed S             seed the random generator with S (resets the session)
                      :threads            every live thread: id, core, state, where it is blocked
                      :stats              per-core statistics of the session so far
                      :trace FILE|off     write a Chrome trace of what runs from now on to FILE
                      :time EXPR          run EXPR, print its value, the virtual cycles and the wall time
                      :quit               leave (Ctrl-D does too)
                    Ctrl-C stops a running input and keeps the session. Threads run alongside each input;
                    when it ends they run on until all are blocked (at most 100000 virtual cycles), then
                    pause until the next input.""";

    private final ReplSession session;
    private final ResultPrinter printer;
    private final PrintStream out;

    ReplCommands(ReplSession session, ResultPrinter printer, PrintStream out) {
        this.session = session;
        this.printer = printer;
        this.out = out;
    }

    /** Runs a command line; false when the session should end. */
    boolean run(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String name = parts[0];
        String arg = parts.length > 1 ? parts[1].strip() : "";
        try {
            switch (name) {
                case ":quit", ":q" -> {
                    return false;
                }
                case ":help", ":h" -> out.println(HELP);
                case ":reset" -> {
                    Path trace = session.reset();
                    out.println("session reset: " + describeMachine());
                    traceCompleted(trace);
                }
                case ":load" -> printer.print(session.load(needs(arg, "a file")), false);
                case ":machine" -> {
                    Path trace = session.setMachine(needs(arg, "a machine name or file"));
                    out.println("session reset: " + describeMachine());
                    traceCompleted(trace);
                }
                case ":cores" -> {
                    Path trace = session.setCores((int) number(needs(arg, "a number of cores"), 1, chan.runtime.Machine.MAX_CORES));
                    out.println("session reset: " + describeMachine());
                    traceCompleted(trace);
                }
                case ":seed" -> {
                    Path trace = session.setSeed(number(needs(arg, "a number"), Long.MIN_VALUE, Long.MAX_VALUE));
                    out.println("session reset: seed " + session.seed());
                    traceCompleted(trace);
                }
                case ":threads" -> out.print(ThreadList.format(session.scheduler()));
                case ":stats" -> out.print(session.scheduler().stats().format());
                case ":trace" -> trace(needs(arg, "a file, or off"));
                case ":time" -> printer.print(session.eval(needs(arg, "an expression")), true);
                default -> out.println(unknown(name, line.strip()));
            }
        } catch (UsageError e) {
            out.println(name + ": " + e.getMessage());
        } catch (MachineException | chan.runtime.ChanRuntimeError e) {
            out.println(name + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) { // :load or :trace of a name that is no path (a NUL)
            out.println(name + ": cannot use " + chan.runtime.VisibleText.of(arg) + ": " + chan.runtime.FileFailure.reason(e));
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
            out.println(name + ": cannot read " + arg + ": " + why);
        }
        return true;
    }

    private void trace(String arg) {
        if (arg.equals("off")) {
            session.trace(null);
            out.println("trace off");
        } else {
            session.trace(Path.of(arg));
            out.println("tracing to " + arg + " (:trace off completes the file)");
        }
    }

    /**
     * A line that starts with `:` is a command, so an input that starts with an atom (`:ok == x`, as
     * a Python or Erlang user would type it) cannot be told from a mistyped one: say how to write it.
     */
    private static String unknown(String name, String line) {
        boolean atom = name.matches(":[A-Za-z_].*");
        return "unknown command " + name + " (:help lists them)"
                        + (atom ? "; an input that starts with an atom is written in brackets: (" + line + ")" : "");
    }

    /** A fresh session ended the trace of the old one: said, or the user would think the new one traced too. */
    private void traceCompleted(Path trace) {
        if (trace != null) {
            out.println("trace " + trace + " completed; the fresh session is not traced (:trace FILE starts another)");
        }
    }

    private String describeMachine() {
        return session.scheduler().machine().describe();
    }

    private static String needs(String arg, String what) {
        if (arg.isEmpty()) {
            throw new UsageError("needs " + what);
        }
        return arg;
    }

    /**
     * A number as the command line's --seed and --cores take it (chan.launcher.WholeNumber: `+4` is
     * 4; a number out of range says the range): a seed any 64-bit number, a count of cores from 1.
     */
    private static long number(String arg, long min, long max) {
        try {
            return min == Long.MIN_VALUE ? WholeNumber.anyLong(arg) : WholeNumber.inRange(arg, min, max);
        } catch (WholeNumber.BadNumber e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
