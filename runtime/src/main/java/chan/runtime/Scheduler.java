package chan.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * The simulated machine at run time: one run queue and one virtual clock per core, driven as a
 * discrete-event loop by the interpreter (see package-info for the loop). One host thread runs it all,
 * so no operation ever blocks the host: an operation that must wait marks the current strand and
 * returns {@link #BLOCK}, and whoever completes the wait later makes the strand runnable again.
 *
 * <p>Invariants:
 * <ul>
 * <li>next() starts the strand that can start earliest in virtual time: the core with the smallest
 *     {@link Core#earliest()} (ties to the lower core id); a timer due no later than that fires first.
 * <li>At most one strand is current (RUNNING); next() is called only when none is.
 * <li>Every decision is a function of the program, the seed and the machine: queues are ordered by
 *     (time, sequence number), lists by id; no hash order, wall clock or identity hash is consulted.
 * <li>A strand woken by another core's operation is runnable no earlier than the operation's time plus
 *     the latency between the cores (docs/machine-model.md).
 * <li>An operation other cores can see runs at its strand's turn ({@link #atOwnTurn}): no core could
 *     act earlier, so such operations happen in virtual-time order across cores.
 * </ul>
 * This file is the loop, the clocks, the turns and the strand lifecycle; it is longer than most
 * (~470 lines of code, ~270 of comments) because it is the one owner of the clocks and run queues,
 * and its public methods are the API the interpreter calls. Message timing is {@link Timing}, exits
 * and monitors {@link Exits}, the deadlock report {@link WaitForGraph}.
 */
public final class Scheduler {
    /** Returned by an operation that blocked the current strand: suspend it and call {@link #suspended}. */
    public static final Object BLOCK = new Marker("BLOCK");
    /** The {@code waitOn} of a sleeping strand, which waits in its run queue, not on a channel. */
    static final Object ASLEEP = new Marker("ASLEEP");

    private final Machine machine;
    final SchedulerOptions options;
    final Object nil;
    final Core[] cores;
    private final Rng rng;
    private final Timers timers = new Timers();
    Trace trace;
    final ArrayList<Strand> live = new ArrayList<>();
    /**
     * Each monitored strand's monitors: one {@link Channel} or an {@code ArrayList<Channel>}. A side
     * table rather than a field, since few strands are monitored and every strand would pay for it.
     * Only looked up, never iterated, so hash order cannot leak into a run.
     */
    final HashMap<Strand, Object> monitors = new HashMap<>();
    /** Each watched strand's watches ({@link Exits#watch}), as {@link #monitors}; they hide no crash. */
    final HashMap<Strand, Object> watches = new HashMap<>();
    private Strand current;
    /**
     * The current strand's core, the countdown of its quantum that holds that core's clock, and the
     * quiet bound: what compiled code reads and writes at every charge, in an object that outlives
     * this run (see {@link Meter}). Its {@code runningCore} is kept with {@link #current} ({@link
     * Meter#attach} at dispatch and at a run's end); read a core's clock with {@code Core.clock()}.
     */
    private final Meter meter;
    private Strand main;
    /** When main ended (Long.MAX_VALUE until it does): the end of the run's virtual time, for stats(). */
    private long mainEndedAt = Long.MAX_VALUE;
    /**
     * Set by {@link #deferQuantumEnd}: the running strand suspended at the end of a quantum without
     * deciding whether to yield; the scheduler loop decides ({@link #runsOn}).
     */
    private boolean quantumEndPending;
    /**
     * A lower bound, during a run, of the time at which another core or a timer could act: exact at
     * dispatch, lowered by every wake-up on another core and every timer armed. {@link #isOwnTurn}
     * answers from it without a scan while the running core is earlier; unlike the quiet bound, a
     * wake-up on the running core itself (a send to a thread beside it) leaves it as it is.
     */
    private long othersQuiet;
    private long runStart;
    private long seq;
    private int lastStrandId;
    private int lastChannelId;
    private int lastSharedId;
    long crashes;
    private boolean mainCrashed;
    private boolean ended;
    private ChanRuntimeError endFailure;
    /** Set by {@link #requestPreempt}: the running strand yields at its next charge. */
    private boolean preemptRequested;
    private int[] scratch = new int[8];
    /**
     * Bit i set when core i's run queue may be non-empty (cleared when it is found empty), so next()
     * looks only at cores with work; machines of more than 64 cores scan them all.
     */
    private long queuedCores;

    public Scheduler(Machine machine, long seed, SchedulerOptions options) {
        this(machine, seed, options, new Meter());
    }

    /**
     * A scheduler that charges through {@code meter}, which it resets: the meter's owner may reuse
     * it for run after run.
     */
    public Scheduler(Machine machine, long seed, SchedulerOptions options, Meter meter) {
        this.machine = machine;
        this.options = options;
        this.meter = meter;
        meter.quantum = options.quantum;
        meter.quietUntil = Long.MIN_VALUE;
        this.nil = options.nil;
        this.rng = new Rng(seed);
        this.cores = new Core[machine.cores()];
        for (int i = 0; i < cores.length; i++) cores[i] = new Core(i, meter);
        meter.reset(cores[0]);
        this.trace = options.traceFile == null ? null : new Trace(options.traceFile, machine);
    }

    public Machine machine() { return machine; }

    public SchedulerOptions options() { return options; }

    public int cores() { return cores.length; }

    public Strand current() { return current; }

    /** The current strand's core (core 0 when no strand runs). */
    public int currentCore() { return meter.runningCore.id; }

    /** The current core's virtual clock, in cycles. */
    public long now() { return meter.clock(); }

    /** Seeded and deterministic: uniform in 0 ≤ r < bound. */
    public long random(long bound) {
        if (bound <= 0) throw new ChanRuntimeError("rand: bound must be positive, got " + bound);
        return rng.below(bound);
    }

    // ---- strands

    /** Creates the main thread (id 1) on core 0, runnable at time 0. */
    public Strand spawnMain(Object body) {
        if (main != null) throw new IllegalStateException("spawnMain: called twice");
        main = newStrand(body, 0);
        makeRunnable(main, cores[0].clock());
        return main;
    }

    /** Starts a strand on {@code core} from the current one; it may run once the request reaches that core. */
    public Strand spawn(Object body, int core, Object spawnSite) {
        if (core < 0 || core >= cores.length) {
            throw new ChanRuntimeError("core " + core + " out of range 0.." + (cores.length - 1));
        }
        if (live.size() >= options.maxThreads) {
            throw new ChanRuntimeError("too many threads (limit " + options.maxThreads + ")");
        }
        int from = currentCore();
        spend(CostModel.SPAWN);
        Strand t = newStrand(body, core);
        t.spawnSite = spawnSite;
        makeRunnable(t, now() + machine.lat(from, core));
        return t;
    }

    private Strand newStrand(Object body, int core) {
        Strand t = new Strand(++lastStrandId, core, body);
        t.liveIndex = live.size();
        live.add(t);
        cores[core].threads++;
        return t;
    }

    // ---- the loop

    /** The next strand to run, now current; null when nothing can run (see {@link #deadlockReport}). */
    public Strand next() {
        return next(true);
    }

    /** next() for a machine that outlives idleness (the REPL): null when nothing can run, the trace left open. */
    public Strand nextOrIdle() {
        return next(false);
    }

    private Strand next(boolean endWhenIdle) {
        if (current != null) throw new IllegalStateException("next: thread " + current.id() + " is still running");
        // Main may end inside this call, killed by a timer or at its turn (endAtTurn): then the run is
        // over, and nothing later in virtual time may run.
        boolean mainLive = main != null && !mainDone();
        while (true) {
            Core best = null;
            long at = Long.MAX_VALUE;
            long others = Long.MAX_VALUE; // the earliest start of every other core: the new run's quiet bound
            if (cores.length <= 64) {
                for (long m = queuedCores; m != 0; m &= m - 1) { // in core order: ties go to the lower id
                    Core c = cores[Long.numberOfTrailingZeros(m)];
                    long t = c.earliest();
                    if (t < at) {
                        others = at;
                        best = c;
                        at = t;
                    } else {
                        others = Math.min(others, t);
                        if (t == Long.MAX_VALUE) queuedCores &= ~(1L << c.id);
                    }
                }
            } else {
                for (Core c : cores) {
                    long t = c.earliest();
                    if (t < at) {
                        others = at;
                        best = c;
                        at = t;
                    } else {
                        others = Math.min(others, t);
                    }
                }
            }
            long timer = timers.nextTime();
            if (!timers.isEmpty() && timer <= at) {
                timers.fireNext(this);
                if (mainLive && mainDone()) return null;
            } else if (best == null) {
                if (endWhenIdle) end();
                return null;
            } else {
                Strand t = dispatch(best, at, Math.min(others, timer));
                if (t != null) return t;
                if (mainLive && mainDone()) return null;
            }
        }
    }

    /**
     * Runs the first strand of c's queue from {@code at}; {@code othersQuiet} is the earliest start
     * of every other core and of the timers, from which the run's quiet bound follows without a scan.
     */
    private Strand dispatch(Core c, long at, long othersQuiet) {
        c.idleUntil(at); // idle until the strand's wake-up has arrived
        Strand t = c.atTurn;
        boolean turn = t != null; // the run that stopped for its turn goes on (awaitTurn)
        if (turn) {
            c.atTurn = null;
        } else {
            t = c.runq.poll();
        }
        if (c.last != t) {
            c.spend(CostModel.CONTEXT_SWITCH);
            c.last = t;
        }
        t.setState(Strand.State.RUNNING);
        Object waited = t.waitOn; // a sleeper's ASLEEP, or the operation a strand waited for its turn to do
        t.waitOn = null;
        current = t;
        meter.attach(c); // its clock counts in the meter now, its quantum starting
        // The quiet bound, exact (quietBound), so that a quantum's end that need not yield never
        // suspends. A preemption request outlives the run it was made in (if the strand blocked
        // first): then the next quantum's end yields.
        Strand after = c.runq.peek();
        this.othersQuiet = othersQuiet;
        long quiet = after == null ? othersQuiet : Math.min(othersQuiet, after.readyAt - 1);
        meter.quietUntil = preemptRequested ? Long.MIN_VALUE : quiet;
        if (turn) { // the same run, slice and quantum: no new run in --stats or --trace
            runStart = c.turnRunStart;
            meter.setSliceEnd(c.turnSliceEnd);
        } else {
            runStart = c.clock();
            c.runs++;
            if (trace != null) trace.arrive(t, runStart);
        }
        if (waited instanceof Deferred op) { // its turn has come: no core can act earlier now
            Object result = runDeferred(op);
            if (current != t) return null; // the strand ended
            if (result == BLOCK) { // it waits now (on a channel, for its result's arrival), or killed itself
                suspended(t);
                return null;
            }
            t.resumeValue = result;
        }
        return t;
    }

    /**
     * Runs a deferred operation for the strand just dispatched. A guest error it raises becomes the
     * strand's resume value, a {@link DeferredFailure} that the interpreter raises where the strand
     * stopped, as if the operation had failed there at once.
     */
    private static Object runDeferred(Deferred op) {
        try {
            return op.operation().get();
        } catch (ChanRuntimeError e) {
            return new DeferredFailure(e);
        }
    }

    /** The interpreter suspended t after it blocked, yielded or was preempted. */
    public void suspended(Strand t) {
        endRun(t, "suspended");
        if (t.killed()) {
            Exits.terminate(this, t, options.killedReason, cores[t.core()].clock());
        } else if (t.state() == Strand.State.RUNNING) { // preempted without yieldCurrent()
            t.resumeValue = nil;
            makeRunnable(t, cores[t.core()].clock());
        }
    }

    /**
     * t ended, normally or by an uncaught error ({@code crashed}). Notifies its monitors.
     * @return whether anyone monitored t (if not and it crashed, the interpreter prints the crash line)
     */
    public boolean finished(Strand t, Object reason, boolean crashed) {
        if (t == current) endRun(t, "finished");
        if (t.killed()) reason = options.killedReason; // it was killed before it could end by itself
        if (crashed) crashes++;
        if (crashed && t == main) mainCrashed = true;
        boolean monitored = monitors.containsKey(t);
        if (t.state() != Strand.State.DONE) Exits.terminate(this, t, reason, cores[t.core()].clock());
        if (t == main) end();
        return monitored;
    }

    private void endRun(Strand t, String op) {
        if (t != current) throw new IllegalStateException(op + ": " + t + " is not the running thread");
        Core c = cores[t.core()];
        if (trace != null && c.atTurn != t) trace.slice(c.id, t.id(), runStart, c.clock()); // a turn's wait goes on (awaitTurn)
        current = null;
        meter.attach(cores[0]);
    }

    /**
     * Charges guest execution to the current core. Returns true when the strand has used up its quantum
     * and something else should run first: a strand ready on this core, a core whose next start is
     * earlier than this core's clock, or a due timer. Also true at once when the strand has killed
     * itself. The interpreter then calls {@link #yieldCurrent}; {@link #suspended} ends a killed strand.
     */
    public boolean charge(long cycles) {
        spend(cycles);
        return chargeRest();
    }

    /** What every charge reads and writes (see {@link Meter}). */
    public Meter meter() { return meter; }

    /** {@link #charge} after its spend: whether the current strand must yield now. */
    public boolean chargeRest() {
        if (current != null && current.killed()) return true; // killed itself: suspended() will end it
        Core mine = meter.runningCore;
        long clock = meter.clock();
        if (clock < meter.sliceEnd) return false;
        meter.setSliceEnd(meter.quantumEnd(clock));
        if (preemptRequested) {
            preemptRequested = false;
            return true;
        }
        long quiet = quietBound(mine);
        if (clock > quiet) return true;
        meter.quietUntil = quiet;
        return false;
    }

    /**
     * The latest clock of the running core at which nothing else could run first: a strand ready on
     * this core ({@link Core#hasReady}: readyAt ≤ clock), another core whose earliest start is
     * before the clock ({@link Core#earliest} &lt; clock), or a timer due before it. chargeRest's
     * "yield" is exactly clock &gt; this bound.
     */
    private long quietBound(Core mine) {
        Strand head = mine.runq.peek();
        long bound = head == null ? Long.MAX_VALUE : head.readyAt - 1;
        Core other = earliestOther(mine);
        if (other != null) bound = Math.min(bound, other.earliest());
        return Math.min(bound, timers.nextTime());
    }

    /**
     * The core other than {@code mine} that could start a strand earliest (ties to the lower id, as in
     * next()), or null when no other core has anything queued.
     */
    private Core earliestOther(Core mine) {
        Core best = null;
        long at = Long.MAX_VALUE;
        if (cores.length <= 64) {
            for (long m = queuedCores & ~(1L << mine.id); m != 0; m &= m - 1) { // a superset of the non-empty queues, in core order
                Core c = cores[Long.numberOfTrailingZeros(m)];
                long t = c.earliest();
                if (t < at) {
                    best = c;
                    at = t;
                }
            }
        } else {
            for (Core c : cores) {
                long t = c.earliest();
                if (c != mine && t < at) {
                    best = c;
                    at = t;
                }
            }
        }
        return best;
    }

    /**
     * The end of a quantum that {@link Meter#startQuietQuantum} could not settle: the strand suspends
     * (the returned BLOCK travels up its stack as any suspension does), still RUNNING, and the
     * scheduler loop makes the decision with {@link #runsOn}. Compiled code thus leaves by its
     * Yield, an exit, instead of calling the scheduler's scan and merging back into the loop.
     */
    public Object deferQuantumEnd() {
        quantumEndPending = true;
        return BLOCK;
    }

    /**
     * Called by the scheduler loop for every suspended strand t, before {@link #suspended}: if t
     * suspended at a quantum's end left undecided ({@link #deferQuantumEnd}), runs the full check
     * (chargeRest) at the same clock. Yield: t is queued as {@link #yieldCurrent} does, and the
     * loop goes on to {@link #suspended}. No yield: returns true, and the loop resumes t at once
     * with nil, as if it had never stopped (no context switch, no new run, no trace slice).
     */
    public boolean runsOn(Strand t) {
        if (!quantumEndPending) return false;
        quantumEndPending = false;
        if (t != current) throw new IllegalStateException("runsOn: " + t + " is not the running thread");
        if (chargeRest()) {
            yieldCurrent();
            return false;
        }
        t.resumeValue = nil;
        return true;
    }

    /**
     * Makes the running strand yield at its next charge, whatever else is ready (the REPL's Ctrl-C
     * stops an input this way and keeps every thread's continuation). Call on the simulation's thread.
     */
    public void requestPreempt() {
        preemptRequested = true;
        endSlice();
    }

    /** Makes the next charge run {@link #chargeRest}: a preemption request, or the strand killed itself. */
    void endSlice() {
        meter.setSliceEnd(Math.min(meter.sliceEnd, meter.clock()));
        meter.quietUntil = Long.MIN_VALUE;
    }


    /**
     * Makes the running strand yield when its quantum ends even if nothing else is ready (the REPL
     * bounds how long threads run on after an input this way); {@link #cancelPreempt} withdraws it.
     */
    public void yieldAtQuantum() {
        preemptRequested = true;
        meter.quietUntil = Long.MIN_VALUE;
    }

    public void cancelPreempt() {
        preemptRequested = false;
    }

    /** Re-queues the current strand behind every strand already ready on its core. */
    public Object yieldCurrent() {
        Strand t = running("yield");
        t.resumeValue = nil;
        makeRunnable(t, now());
        return BLOCK;
    }

    /**
     * Runs {@code op} for the current strand at a moment when no other core can act earlier in virtual
     * time, and returns its result: at once if that holds now, else {@link #awaitTurn}. Every operation
     * that another core can see goes through here (channels, choose, shared memory, output, a thread's
     * end), so they happen in virtual-time order, whatever order the host ran the cores' stretches in.
     */
    public Object atOwnTurn(java.util.function.Supplier<Object> op) {
        return isOwnTurn() ? op.get() : awaitTurn(op);
    }

    /**
     * Whether no strand on another core, and no timer, could act before the current core's clock (ties
     * go to the lower core id, as in next()). Usually {@link #othersQuiet} answers without a scan.
     */
    public boolean isOwnTurn() {
        Core mine = meter.runningCore;
        long now = meter.clock();
        if (now < othersQuiet) return true;
        Core other = earliestOther(mine); // if any other core would go first, the first of them would
        if (other != null) {
            long t = other.earliest();
            if (t < now || (t == now && other.id < mine.id)) return false;
        }
        return timers.nextTime() > now;
    }

    /**
     * Stops the current strand until its turn ({@link #isOwnTurn}) and returns BLOCK: it waits at the
     * head of its core, and when next() dispatches it, {@code op} runs and the strand resumes with its
     * result (or, if {@code op} blocks it, waits as the operation says). Re-dispatching it costs no
     * context switch, and nothing else on its core runs in between: to the program it never stopped.
     */
    public Object awaitTurn(java.util.function.Supplier<Object> op) {
        Strand t = running("an operation other cores see");
        Core c = cores[t.core()];
        t.setState(Strand.State.RUNNABLE);
        t.waitOn = new Deferred(op); // runnable, so waitOn is free (see Strand)
        c.atTurn = t;
        c.turnRunStart = runStart;
        c.turnSliceEnd = meter.sliceEnd;
        queuedCores |= 1L << c.id;
        return BLOCK;
    }

    /**
     * Ends the current strand t, which has returned or died, by {@code ending} (finished(), and for a
     * crash its report) at its turn: a thread's end is seen by its monitors, and main's ends the run, so
     * it must not overtake what other cores do earlier. True if t ended now; else t waits for its turn
     * (the caller treats it as suspended), and ends when next() dispatches it.
     */
    public boolean endAtTurn(Strand t, Runnable ending) {
        if (t != current) throw new IllegalStateException("endAtTurn: " + t + " is not the running thread");
        if (isOwnTurn()) {
            ending.run();
            return true;
        }
        awaitTurn(() -> {
            ending.run();
            return BLOCK;
        });
        endRun(t, "waits to end");
        return false;
    }

    /**
     * Writes the trace slice of the run that c's strand t stopped for its turn, which will not go on
     * (t was killed, or the run ended): endRun left it open.
     */
    void closeTurnSlice(Core c, Strand t) {
        if (trace != null) trace.slice(c.id, t.id(), c.turnRunStart, c.clock());
    }

    /**
     * Moves an idle core's clock up to the latest clock on the machine, as idle time: the REPL starts
     * each input there, after everything the other cores did since the last one (their threads run
     * on between inputs), so that the input's operations come after theirs. A core with a thread in
     * its run queue (ready, or asleep until its time) is not idle: it keeps its clock.
     */
    public void idleUntilLatest(int core) {
        if (current != null) throw new IllegalStateException("idleUntilLatest: thread " + current.id() + " is running");
        Core target = cores[core];
        if (!target.runq.isEmpty() || target.atTurn != null) return;
        long latest = 0;
        for (Core c : cores) latest = Math.max(latest, c.clock());
        target.idleUntil(latest);
    }

    /** An operation waiting in a runnable strand's {@code waitOn} for its turn ({@link #atOwnTurn}). */
    private record Deferred(java.util.function.Supplier<Object> operation) {}

    /** Blocks the current strand for {@code cycles}; it resumes with nil. */
    public Object sleep(long cycles) {
        Strand t = running("sleep");
        spend(CostModel.TIMER);
        long at = later(cycles, "sleep");
        t.resumeValue = nil;
        makeRunnable(t, at);
        t.setState(Strand.State.BLOCKED);
        t.waitOn = ASLEEP;
        return BLOCK;
    }

    /** A channel of capacity 1 that receives the Long virtual time {@code now + cycles} at that time. */
    public Channel after(long cycles) {
        spend(CostModel.TIMER);
        long at = later(cycles, "after");   // before the channel, so that a failed after() numbers none
        Channel ch = new Channel(this, 1);
        ch.receiveOnly("after(n)");
        timers.add(at, ch, currentCore());
        ch.timerArmed = true;
        othersQuiet = Math.min(othersQuiet, at);
        meter.quietUntil = Math.min(meter.quietUntil, at); // due before a later clock: that quantum's end yields
        return ch;
    }

    /** The timer of a choose's {@code option after(n)}: as {@link #after}, cancelled if the choose takes another option. */
    public Channel choiceTimer(long cycles) {
        Channel ch = after(cycles);
        ch.choiceTimer = true;
        return ch;
    }

    /** Whether any timer is armed (and not cancelled). */
    boolean timersArmed() {
        return !timers.isEmpty();
    }

    /** A choose committed to another option than its timer's: the timer will never be read. */
    void cancelChoiceTimer(Channel ch) {
        if (ch.choiceTimer && !ch.timerCancelled && !ch.canReceive()) { // one that has fired is out of the heap
            timers.cancel(ch);
        }
    }

    /**
     * The time {@code cycles} from now. The virtual clock is a 64-bit count of cycles (some 290 years
     * at 1 GHz), and a time past its end is an error rather than a wrap to a time long past.
     */
    private long later(long cycles, String what) {
        long now = now();
        if (cycles > Long.MAX_VALUE - now) {
            throw new ChanRuntimeError(what + ": " + cycles + " cycles from now is past the end of the virtual clock (" + Long.MAX_VALUE + " cycles)");
        }
        return now + Math.max(0, cycles);
    }

    public Channel monitor(Strand t) { return Exits.monitor(this, t); }

    /** A monitor that leaves t's crash line to be printed ({@link Exits#watch}): for the stdlib. */
    public Channel watch(Strand t) { return Exits.watch(this, t); }

    /**
     * kill(t) ({@link Exits#kill}): nil, or BLOCK when the current strand kills itself. Call it at the
     * strand's turn ({@link #atOwnTurn}); with no current strand (the REPL) t ends at once.
     */
    public Object kill(Strand t) { return Exits.kill(this, t); }

    /** Arms the timer that ends t at {@code at}, when the kill reaches its core. */
    void killLater(Strand t, long at) {
        timers.addKill(at, t);
        othersQuiet = Math.min(othersQuiet, at);
        meter.quietUntil = Math.min(meter.quietUntil, at); // due before a later clock: that quantum's end yields
    }

    /** Whether t was killed (the interpreter checks this for the current strand, which it must end). */
    public boolean isKilled(Strand t) { return t.killed(); }

    // ---- the end of a run

    public boolean mainDone() {
        return main != null && main.state() == Strand.State.DONE;
    }

    /** Whether main died of an uncaught error (the run's exit code is then 1). */
    public boolean mainCrashed() {
        return mainCrashed;
    }

    /** Non-null only when live strands remain, all BLOCKED, and no timer or wake-up is pending. */
    public DeadlockReport deadlockReport() {
        if (current != null || !timers.isEmpty() || live.isEmpty()) return null;
        for (Core c : cores) {
            if (!c.runq.isEmpty() || c.atTurn != null) return null;
        }
        return WaitForGraph.report(liveById(), main, options.valueReferences, monitors, watches);
    }

    /**
     * Strands leaked when main ended: blocked on a channel or a choose (or forever), sorted by id. A
     * sleeper is not leaked (it would wake by itself), nor is a strand waiting to receive from a
     * timer still to fire (a choose's {@code after} option, an {@code after(n)} channel), nor a
     * runnable strand.
     */
    public List<Strand> leaked() {
        return liveById().stream().filter(t -> t.state() == Strand.State.BLOCKED && t.waitOn != ASLEEP && !awaitsTimer(t)).toList();
    }

    private static boolean awaitsTimer(Strand t) {
        if (t.waitOn instanceof WaitQueue q) {
            return !q.senders && q.channel.timerArmed;
        }
        if (t.waitOn instanceof ChoiceWaiter[] options) {
            for (ChoiceWaiter option : options) {
                if (!option.queue.senders && option.queue.channel.timerArmed) {
                    return true;
                }
            }
        }
        return false;
    }

    public int liveThreads() { return live.size(); }

    /** Every live strand, by id (the REPL's :threads). */
    public List<Strand> threads() { return liveById(); }

    /** Starts writing a Chrome trace to {@code file} from now on (the REPL's :trace), ending any open one. */
    public void startTrace(java.nio.file.Path file) {
        stopTrace();
        trace = new Trace(file, machine);
    }

    /** Completes and closes the trace file, if one is open, ending it at the final time (as --stats has it). */
    public void stopTrace() {
        Trace open = trace;
        trace = null;
        if (open != null) open.close(finalTime());
    }

    /** The largest core clock, up to main's end: the final virtual time of --stats. */
    private long finalTime() {
        long end = 0;
        for (Core c : cores) end = Math.max(end, Math.min(c.clock(), mainEndedAt));
        return end;
    }

    /**
     * The run's statistics. Once main has ended at time T, they are those of the machine up to T:
     * a core that ran ahead of T did, past it, only work nobody could see (what others could see waits
     * for its turn, docs/machine-model.md §3), so its clock and busy cycles are counted up to T.
     */
    public Stats stats() {
        return new Stats(machine, cores, mainEndedAt, lastStrandId, crashes, mainDone() ? leaked().size() : 0);
    }

    /** Exits: t ended at {@code at}. */
    void ended(Strand t, long at) {
        if (t == main) mainEndedAt = at;
    }

    /**
     * The statistics of a run that is being interrupted (Ctrl-C, SIGTERM), read from another thread
     * while the run may still go on: each figure as it was at some moment of the read, and no leaks,
     * which are counted only when main ends.
     */
    public Stats statsSoFar() { return new Stats(machine, cores, Long.MAX_VALUE, lastStrandId, crashes, 0); }

    /**
     * Writes the trace (if any). Called by itself when main finishes or next() returns null; idempotent.
     * A trace that cannot be written then (a full disk) does not stop the run: see {@link #endFailure}.
     */
    public void end() {
        if (ended) return;
        ended = true;
        for (Core c : cores) {
            if (c.atTurn != null) closeTurnSlice(c, c.atTurn); // it ran, though what it waited for never comes
        }
        try {
            stopTrace();
        } catch (ChanRuntimeError e) {
            endFailure = e;
        }
    }

    /** Why {@link #end} could not write the trace, or null. */
    public ChanRuntimeError endFailure() { return endFailure; }

    private List<Strand> liveById() {
        ArrayList<Strand> list = new ArrayList<>(live);
        list.sort(Comparator.comparingInt(Strand::id));
        return list;
    }

    // ---- helpers for channels, choose, timing and exits

    Strand running(String op) {
        if (current == null) throw new IllegalStateException(op + ": no thread is running");
        return current;
    }

    int newChannelId() { return ++lastChannelId; }

    int newSharedId() { return ++lastSharedId; }

    int lat(int from, int to) { return machine.lat(from, to); }

    void spend(long cycles) {
        if (cycles <= 0) return;
        meter.spend(cycles);
    }

    void makeRunnable(Strand t, long at) {
        t.setState(Strand.State.RUNNABLE);
        t.readyAt = at;
        cores[t.core()].runq.add(t, ++seq);
        meter.quietUntil = Long.MIN_VALUE; // a wake-up voids the quiet bound
        if (t.core() != meter.runningCore.id) othersQuiet = Math.min(othersQuiet, at); // that core's earliest start ≥ at
        queuedCores |= 1L << t.core(); // no-op beyond 64 cores (shift wraps), where next() scans all
    }

    /** Blocks t (already queued where {@code waitOn} says) until some operation completes it. */
    Object park(Strand t, Object waitOn) {
        t.waitOn = waitOn;
        t.readyAt = now();
        t.setState(Strand.State.BLOCKED);
        return BLOCK;
    }

    /** A reusable int array of at least n entries (choose's poll order; choose does not nest). */
    int[] scratch(int n) {
        if (scratch.length < n) scratch = new int[Math.max(n, 2 * scratch.length)];
        return scratch;
    }
}
