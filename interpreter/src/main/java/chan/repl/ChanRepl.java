package chan.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * `chan repl` (or `chan` with no file): the interactive session, on JLine. Reads an input (several
 * lines while brackets are open), runs it in the session ({@link ReplSession}) and prints its value;
 * lines starting with `:` are commands ({@link ReplCommands}). Typed at a terminal, history persists
 * in ~/.chan_history (or $CHAN_HISTORY), Ctrl-C at the prompt clears the line and during an input
 * stops it, and Ctrl-D leaves. Input from a file or a pipe is read line by line on a dumb terminal,
 * with no history kept. docs/repl.md is the user's guide.
 */
public final class ChanRepl {
    private static final String PROMPT = "chan> ";
    private static final String CONTINUATION = " ...> ";

    private ChanRepl() {}

    /**
     * Runs the session in {@code context}, entered on this thread for the whole session; returns the
     * exit code. The context's standard input must be {@code programInput}, which then reads {@code in} too.
     * {@code typed} says that {@code in} and {@code out} are the process's own streams and a person
     * types at a terminal. {@code events} learns when the session is up and when each input runs.
     */
    public static int run(Context context, ProgramInput programInput, InputStream in, PrintStream out, PrintStream err, boolean typed,
                    boolean internalErrors, SessionEvents events) throws IOException {
        try (Terminal terminal = typed ? systemTerminal() : new DumbTerminal(in, out)) {
            programInput.readFrom(terminal);
            context.enter();
            try {
                context.initialize("chan");
                ReplSession session = new ReplSession();
                try {
                    return loop(session, reader(terminal, session, typed), terminal, out, err, internalErrors, events);
                } finally {
                    session.close();
                }
            } finally {
                context.leave();
            }
        }
    }

    private static int loop(ReplSession session, LineReader reader, Terminal terminal, PrintStream out, PrintStream err, boolean internalErrors,
                    SessionEvents events) {
        ResultPrinter printer = new ResultPrinter(out);
        ReplCommands commands = new ReplCommands(session, printer, out);
        out.println("Chan REPL on " + session.scheduler().machine().describe());
        out.println("Type :help for commands, Ctrl-D to leave.");
        events.ready();
        while (true) {
            String line;
            try {
                out.flush();
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: drop the line
            } catch (EndOfFileException e) {
                runLeftOpen(e.getPartialLine(), session, printer);
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            events.inputStarted();
            try {
                if (line.strip().startsWith(":")) {
                    if (!commands.run(line)) {
                        return 0;
                    }
                } else {
                    printer.print(session.eval(line), false);
                }
            } catch (RuntimeException | StackOverflowError e) {
                err.println("internal error: " + e + " (this is a bug in Chan; please report it with the input that caused it)");
                if (internalErrors) {
                    e.printStackTrace(err);
                }
            } finally {
                events.inputEnded();
                terminal.handle(Terminal.Signal.INT, previous);
                session.context().out().flush();
                err.flush();
            }
        }
    }

    /**
     * An input whose brackets were still open when the input ended (a session file that stops inside
     * a `{`): run, it reports where the bracket was opened, as `chan FILE` would, instead of being
     * dropped without a word. At a terminal, Ctrl-D only leaves at an empty prompt, so none is left.
     */
    private static void runLeftOpen(String partial, ReplSession session, ResultPrinter printer) {
        if (partial != null && !partial.isBlank() && !partial.strip().startsWith(":")) {
            printer.print(session.evalAsIs(partial), false);
            session.context().out().flush();
        }
    }

    /**
     * The process's terminal, with line editing. Built only when a person types at it: for a file or
     * a pipe, JLine's system builder tried each provider (JNI, then FFM, whose downcall handles cost
     * ~0.4 s of CPU), warned "Unable to create a system terminal" when the output was a terminal, and
     * ended with a dumb terminal anyway.
     */
    private static Terminal systemTerminal() throws IOException {
        // No probe of the terminal's grapheme-cluster mode: the probe reads the terminal's answer
        // with the input's pending bytes and throws those away, so the lines a user typed while
        // the JVM started were lost. JLine then measures wide characters by its own table.
        // JNI first: JLine's FFM provider spins its downcall handles into classes at each start,
        // which took 0.5-1.2 s more than JNI at a load of 9 here (bench/README.md, "The REPL's start").
        return TerminalBuilder.builder().name("chan").system(true).graphemeCluster(false).providers("jni,ffm,exec").build();
    }

    /** The line reader; history only for a session typed at a terminal (a script's lines are not the user's). */
    private static LineReader reader(Terminal terminal, ReplSession session, boolean typed) {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("chan")
                        .parser(new ChanLineParser())
                        .completer(new ReplCompleter(session))
                        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // `!x` and `!=` are Chan, not history
        if (typed) {
            builder.variable(LineReader.HISTORY_FILE, historyFile());
        }
        return builder.build();
    }

    private static Path historyFile() {
        String history = System.getenv("CHAN_HISTORY");
        Path file;
        try {
            file = history != null ? Path.of(history) : Path.of(System.getProperty("user.home"), ".chan_history");
        } catch (java.nio.file.InvalidPathException e) { // reported by the launcher as `chan: …`, exit 2
            throw new IllegalArgumentException("CHAN_HISTORY " + chan.runtime.VisibleText.of(String.valueOf(history)) + ": "
                            + chan.runtime.FileFailure.reason(e));
        }
        return file;
    }
}
