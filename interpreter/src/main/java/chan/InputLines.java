package chan;

import chan.values.StringLimit;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of the program's standard input, for {@code read_line()}: each ends at "\n", "\r" or
 * "\r\n" (as java.io.BufferedReader's lines), and none is longer than a string may be. A longer line
 * is read to its end without being kept and is then the error {@code string too long}, so the next
 * {@code read_line()} reads the line after it; BufferedReader would have made it a string over the
 * limit, or filled the heap.
 */
final class InputLines {
    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int start; // the unread characters are buffer[start, end)
    private int end;
    private boolean afterCarriageReturn; // the last line ended with "\r": a "\n" next is part of its end

    InputLines(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its end, or null at the end of input. */
    String next() throws IOException {
        StringBuilder line = null; // only when a line spans more than one buffer
        long length = 0;
        while (true) {
            if (start == end && !fill()) {
                return length == 0 ? null : finish(line, length, "");
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[start] == '\n') {
                    start++;
                    continue;
                }
            }
            int stop = start;
            while (stop < end && buffer[stop] != '\n' && buffer[stop] != '\r') {
                stop++;
            }
            length += stop - start;
            boolean fits = length <= limit; // past the limit, what is read of the line is dropped, not kept
            String piece = fits ? new String(buffer, start, stop - start) : "";
            if (stop < end) {
                afterCarriageReturn = buffer[stop] == '\r';
                start = stop + 1;
                return finish(line, length, piece);
            }
            start = end;
            line = fits ? (line == null ? new StringBuilder() : line).append(piece) : null;
        }
    }

    /** The line whose last piece is {@code piece}, or {@code string too long} if it has more than the limit. */
    private String finish(StringBuilder line, long length, String piece) {
        StringLimit.check(length, limit);
        return line == null ? piece : line.append(piece).toString();
    }

    /** Reads more of the input into the buffer; false at its end. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length); // blocks until at least one character or the end
        if (n <= 0) {
            return false;
        }
        start = 0;
        end = n;
        return true;
    }
}
