package chan.launcher;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A spare's program input (Spare): the FIFO that the claiming run's `cat` writes its standard input
 * into, opened at the program's first read. That `cat` opens its end only then too, so a program that
 * never reads leaves the run's standard input unread, as a JVM started for it would.
 */
final class FifoInput extends InputStream {
    private final Path fifo;
    private InputStream opened;

    FifoInput(Path fifo) {
        this.fifo = fifo;
    }

    private synchronized InputStream opened() throws IOException {
        if (opened == null) {
            opened = new FileInputStream(fifo.toFile()); // waits for the run's `cat` to open its end
        }
        return opened;
    }

    @Override
    public int read() throws IOException {
        return opened().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return opened().read(b, off, len);
    }

    @Override
    public synchronized int available() throws IOException {
        return opened == null ? 0 : opened.available();
    }

    @Override
    public synchronized void close() throws IOException {
        if (opened != null) {
            opened.close();
        }
    }
}
