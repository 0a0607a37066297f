package chan.runtime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the run's timeline as Chrome trace event JSON ({@code {"traceEvents":[...]}}), which Perfetto
 * and chrome://tracing load. Process 0 is the machine; track (tid) N is core N, named "core N". Each
 * stretch a strand runs on a core is a complete slice ("ph":"X") named "thread N"; each value passed
 * between strands is a flow arrow from the sender's core at the send time ("ph":"s") to the slice in
 * which the receiver gets it ("ph":"f", bound to the enclosing slice). Timestamps are virtual cycles
 * written as trace microseconds: 1 µs on screen = 1 cycle.
 *
 * <p>Events are streamed as they happen and the file is completed by {@link #close}; an I/O error is
 * reported then, as a {@link ChanRuntimeError} naming the file. A run interrupted by Ctrl-C or SIGTERM
 * has its open traces completed by a shutdown hook, so the file holds valid JSON up to the
 * interruption (writes are synchronized for that hook alone: the run itself has one thread). The one
 * map here is looked up by strand id and never iterated, so it cannot affect the order of anything.
 */
final class Trace {
    /** The traces being written in this process, completed by the shutdown hook. */
    private static final Set<Trace> OPEN = ConcurrentHashMap.newKeySet();
    private static boolean hookAdded;

    private final Path file;
    private BufferedWriter out;
    private IOException failure;
    private long flows;
    /** Strand id → the flow that will end when that strand next runs. */
    private final HashMap<Integer, Long> pending = new HashMap<>();

    Trace(Path file, Machine m) {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new ChanRuntimeError("cannot write trace file " + file + ": " + reason(e));
        }
        addShutdownHook();
        OPEN.add(this);
        write("{\"traceEvents\":[\n");
        write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"tid\":0,\"args\":{\"name\":\""
                + escape(m.toString()) + "\"}}");
        for (int c = 0; c < m.cores(); c++) {
            write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":" + c + ",\"args\":{\"name\":\"core " + c + "\"}}");
            write(",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":0,\"tid\":" + c + ",\"args\":{\"sort_index\":" + c + "}}");
        }
    }

    void slice(int core, int strand, long start, long end) {
        write(",\n{\"name\":\"thread " + strand + "\",\"cat\":\"run\",\"ph\":\"X\",\"pid\":0,\"tid\":" + core
                + ",\"ts\":" + start + ",\"dur\":" + (end - start) + ",\"args\":{\"thread\":" + strand + "}}");
    }

    /** A value leaves core {@code from} at {@code at} for strand {@code to}. */
    void flow(int from, long at, Strand to) {
        long id = ++flows;
        write(",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"s\",\"id\":" + id + ",\"pid\":0,\"tid\":" + from
                + ",\"ts\":" + at + "}");
        pending.put(to.id(), id);
    }

    /** Strand t runs (or continues) at {@code at} on its core: end the flow bringing its value, if any. */
    void arrive(Strand t, long at) {
        Long id = pending.remove(t.id());
        if (id == null) return;
        write(",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"f\",\"bp\":\"e\",\"id\":" + id + ",\"pid\":0,\"tid\":"
                + t.core() + ",\"ts\":" + at + "}");
    }

    private static synchronized void addShutdownHook() {
        if (!hookAdded) {
            hookAdded = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Trace::closeQuietly), "chan-trace"));
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (ChanRuntimeError e) {
            // interrupted, and the trace cannot be written: nothing more to do
        }
    }

    synchronized void close() {
        OPEN.remove(this);
        if (out == null) return; // closed already (by the run's end or by the shutdown hook)
        write("\n],\n\"otherData\":{\"timeUnit\":\"1 microsecond in the trace = 1 virtual cycle\"}}\n");
        try {
            if (out != null) out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
        out = null;
        if (failure != null) throw new ChanRuntimeError("cannot write trace file " + file + ": " + reason(failure));
    }

    /** Why a file could not be written, in words (the JDK's message for a missing directory is only the path). */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    private synchronized void write(String s) {
        if (out == null || failure != null) return;
        try {
            out.write(s);
        } catch (IOException e) {
            failure = e;
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
