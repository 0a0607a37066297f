package chan.runtime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Writes the run's timeline as Chrome trace event JSON ({@code {"traceEvents":[...]}}), which Perfetto
 * and chrome://tracing load. Process 0 is the machine; track (tid) N is core N, named "core N". Each
 * stretch a strand runs on a core is a complete slice ("ph":"X") named "thread N"; each value passed
 * between strands is a flow arrow from the sender's core at the send time ("ph":"s") to the slice in
 * which the receiver gets it ("ph":"f", bound to the enclosing slice). Timestamps are virtual cycles
 * written as trace microseconds: 1 µs on screen = 1 cycle.
 *
 * <p>The trace ends at the run's final time, main's end ({@link #close(long)}): a core may have run one
 * stretch past it (docs/machine-model.md §3), so each core's last slice is held back until the next one
 * comes or the file is closed, and is cut there. A value whose receiver never runs again (killed, or
 * the run ended first) ends its arrow on a slice of no length named "message dropped", on the
 * receiver's core at the moment it ended (or at the final time), instead of leaving it without an end.
 *
 * <p>Events are streamed as they happen and the file is completed by {@link #close}; an I/O error is
 * reported then, as a {@link ChanRuntimeError} naming the file. A run interrupted by Ctrl-C or SIGTERM
 * has its open traces completed at the JVM's exit ({@link AtExit}), so the file holds valid JSON up to the
 * interruption (writes are synchronized for that hook alone: the run itself has one thread). The one
 * map here is looked up by strand id, and iterated only in the order of strand ids, so it cannot affect
 * the order of anything.
 */
final class Trace {
    private final Path file;
    private BufferedWriter out;
    private IOException failure;
    private long flows;
    /** Strand id → the flow that will end when that strand next runs, and the strand's core. */
    private final HashMap<Integer, Pending> pending = new HashMap<>();
    /** Per core, its last slice, not yet written: {strand, start, end}, or null. */
    private final long[][] held;
    /** Completes the file if the JVM exits before the run does (AtExit). */
    private final Runnable atExit = this::closeQuietly;

    Trace(Path file, Machine m) {
        this.file = file;
        this.held = new long[m.cores()][];
        try {
            out = FifoOpen.writer(file);
        } catch (IOException e) {
            throw new ChanRuntimeError("cannot write trace file " + VisibleText.of(file.toString()) + ": " + whyNotOpened(file, e));
        }
        AtExit.add(atExit);
        write("{\"traceEvents\":[\n");
        write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"tid\":0,\"args\":{\"name\":\""
                + escape(m.toString()) + "\"}}");
        for (int c = 0; c < m.cores(); c++) {
            write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":" + c + ",\"args\":{\"name\":\"core " + c + "\"}}");
            write(",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":0,\"tid\":" + c + ",\"args\":{\"sort_index\":" + c + "}}");
        }
    }

    /** Strand {@code strand} ran on {@code core} from start to end. Written when the core's next slice comes. */
    synchronized void slice(int core, int strand, long start, long end) {
        writeHeld(core, Long.MAX_VALUE);
        held[core] = new long[] {strand, start, end};
    }

    /** Writes core's held slice, cut at {@code until}; one that starts after it is dropped. */
    private void writeHeld(int core, long until) {
        long[] h = held[core];
        held[core] = null;
        if (h == null || h[1] > until) return;
        writeSlice("thread " + h[0], core, h[1], Math.min(h[2], until), (int) h[0]);
    }

    private void writeSlice(String name, int core, long start, long end, int strand) {
        write(",\n{\"name\":\"" + name + "\",\"cat\":\"run\",\"ph\":\"X\",\"pid\":0,\"tid\":" + core
                + ",\"ts\":" + start + ",\"dur\":" + (end - start) + ",\"args\":{\"thread\":" + strand + "}}");
    }

    /** A value leaves core {@code from} at {@code at} for strand {@code to}. */
    void flow(int from, long at, Strand to) {
        long id = ++flows;
        write(",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"s\",\"id\":" + id + ",\"pid\":0,\"tid\":" + from
                + ",\"ts\":" + at + "}");
        pending.put(to.id(), new Pending(id, to.core()));
    }

    /** Strand t runs (or continues) at {@code at} on its core: end the flow bringing its value, if any. */
    void arrive(Strand t, long at) {
        Pending p = pending.remove(t.id());
        if (p != null) flowEnd(p.flow, p.core, at);
    }

    /**
     * Strand t ended at {@code at} without running again (killed): the value brought to it is dropped,
     * and its arrow ends on a "message dropped" slice there.
     */
    void ended(Strand t, long at) {
        Pending p = pending.remove(t.id());
        if (p != null) dropped(t.id(), p, at);
    }

    private void dropped(int strand, Pending p, long at) {
        writeSlice("message dropped", p.core, at, at, strand);
        flowEnd(p.flow, p.core, at);
    }

    private void flowEnd(long id, int core, long at) {
        write(",\n{\"name\":\"message\",\"cat\":\"message\",\"ph\":\"f\",\"bp\":\"e\",\"id\":" + id + ",\"pid\":0,\"tid\":"
                + core + ",\"ts\":" + at + "}");
    }

    private record Pending(long flow, int core) {}

    private void closeQuietly() {
        try {
            close(Long.MAX_VALUE);
        } catch (ChanRuntimeError e) {
            // interrupted, and the trace cannot be written: nothing more to do
        }
    }

    /**
     * Completes the file, the trace ending at {@code finalTime} (main's end; Long.MAX_VALUE: wherever
     * the cores' clocks are). Arrows still waiting for their receiver end there, as dropped.
     */
    synchronized void close(long finalTime) {
        AtExit.remove(atExit);
        if (out == null) return; // closed already (by the run's end or at the JVM's exit)
        for (int c = 0; c < held.length; c++) writeHeld(c, finalTime);
        if (finalTime != Long.MAX_VALUE) { // in strand order: the map's own order is no part of the run
            pending.keySet().stream().sorted().forEach(strand -> dropped(strand, pending.get(strand), finalTime));
            pending.clear();
        }
        write("\n],\n\"otherData\":{\"timeUnit\":\"1 microsecond in the trace = 1 virtual cycle\"}}\n");
        try {
            if (out != null) out.close();
        } catch (IOException e) {
            if (failure == null) failure = e;
        }
        out = null;
        if (failure != null) throw new ChanRuntimeError("cannot write trace file " + VisibleText.of(file.toString()) + ": " + reason(failure));
    }

    /**
     * Why the file could not be created, in the words the launcher uses for its other files
     * (ProgramFile), not the OS's own "Is a directory" or "Not a directory", which did not say which
     * part of the path was wrong.
     */
    private static String whyNotOpened(Path file, IOException e) {
        if (Files.isDirectory(file)) return "it is a directory";
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)) {
                return Files.isDirectory(dir) ? reason(e) : VisibleText.of(dir.toString()) + " is not a directory";
            }
        }
        return reason(e);
    }

    /** Why a file could not be written, in words (the JDK's message for a missing directory is only the path). */
    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such directory" : FileFailure.reason(e);
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
