package chan.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a run of `./chan` asks of a spare JVM (Spare): the script writes it into the spare's `go` FIFO
 * as NUL-terminated fields (bash's `printf '%s\0'`; no argument can hold a NUL): a version first,
 * {@code 3}, then the script's pid, where its standard output, error and input are, the pid of its
 * copy of standard input ({@code 0} for none; it waits for the spare to open the input's FIFO, and
 * the spare stops it should the run be killed first), how many arguments follow, and chan's
 * arguments. Output, error and input each name a device to open (a terminal, /dev/null, as
 * /proc/PID/fd/N), or are empty for the spare's FIFO that the script copies; the error may be
 * {@link #SAME_AS_OUTPUT}, when the two are one file, so that their lines keep the order they were
 * written in. Whether the output is a terminal is not asked: a terminal is a device, which the
 * spare's descriptor 1 then is, and the spare finds it there as a JVM of its own would.
 * A spare's registration names the version it reads, so that a script that writes another never
 * claims it. The count tells where the request ends: the spare holds the FIFO open for writing too
 * (so that neither side's open ever waits for the other), and the FIFO never reaches its end.
 */
record SpareRequest(long clientPid, String output, String error, String input, long inputCopyPid, String[] args) {
    /** The error's target when it is the output's file. */
    static final String SAME_AS_OUTPUT = "out";

    /** The most arguments a request may announce; Linux passes a command at most 2 MB of them. */
    private static final int MAX_ARGS = 1 << 20;

    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** Reads one request from the FIFO, waiting for a run to write it. */
    static SpareRequest read(InputStream go) throws IOException, Malformed {
        String version = field(go);
        if (!version.equals("3")) {
            throw new Malformed("a request of another version (" + version + ")");
        }
        try {
            long pid = Long.parseLong(field(go));
            String output = field(go);
            String error = field(go);
            String input = field(go);
            long inputCopy = Long.parseLong(field(go));
            int count = Integer.parseInt(field(go));
            if (count < 0 || count > MAX_ARGS) {
                throw new Malformed("a request of " + count + " arguments");
            }
            String[] args = new String[count];
            for (int i = 0; i < count; i++) {
                args[i] = field(go);
            }
            return new SpareRequest(pid, output, error, input, inputCopy, args);
        } catch (NumberFormatException e) {
            throw new Malformed("a request whose pid or count is not a number");
        }
    }

    /** The next NUL-terminated field, as UTF-8. */
    private static String field(InputStream in) throws IOException, Malformed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new Malformed("a request cut short");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Whether the spare can run it: not the REPL, whose line editor needs the terminal itself, nor
     * `chan bench`, which wants a JVM of other options (the script's). A bad command line runs here,
     * to say what is wrong with it.
     */
    boolean runsHere() {
        try {
            CommandLine.Command command = CommandLine.parse(args).command();
            return command != CommandLine.Command.REPL && command != CommandLine.Command.BENCH;
        } catch (CommandLine.UsageError e) {
            return true;
        }
    }
}
