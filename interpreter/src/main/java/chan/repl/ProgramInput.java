package chan.repl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The standard input a REPL input's program reads (read_line): the session's own terminal, one line
 * at a time and only when the program asks. The prompt and the program then share one input and
 * neither reads ahead of the other: a read takes exactly the next line and the prompt the one after
 * (a stream of its own, buffered, took the rest of a piped session with it). The program's
 * reader (ChanContext.readLine) asks for more only while {@link #available} says bytes are ready.
 */
public final class ProgramInput extends InputStream {
    /** Set when the session's terminal exists: until then, and after a Ctrl-D, a read finds the input's end. */
    private LineReader reader;
    private byte[] line = new byte[0];
    private int next;

    /** Reads from {@code terminal}: plain lines, no completion or history, since they are the program's data. */
    void readFrom(Terminal terminal) {
        reader = LineReaderBuilder.builder().terminal(terminal).appName("chan-program")
                        .parser(new DefaultParser()) // which takes any line as complete
                        .variable(LineReader.DISABLE_HISTORY, true)
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                        .build();
    }

    @Override
    public int read() {
        return fill() ? line[next++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - next);
        System.arraycopy(line, next, into, offset, n);
        next += n;
        return n;
    }

    /** The rest of the line already read: a reader asking for more than that would wait for the next one. */
    @Override
    public int available() {
        return line.length - next;
    }

    private boolean fill() {
        if (next < line.length) {
            return true;
        }
        if (reader == null) {
            return false;
        }
        try {
            line = (reader.readLine("") + "\n").getBytes(UTF_8);
            next = 0;
            return true;
        } catch (EndOfFileException e) {
            return false;
        } catch (UserInterruptException e) {
            // Ctrl-C while the program waits for a line is Ctrl-C during the input: the session's handler stops it.
            reader.getTerminal().raise(Terminal.Signal.INT);
            return false;
        }
    }
}
