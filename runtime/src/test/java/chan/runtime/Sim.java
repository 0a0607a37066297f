package chan.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test harness: drives a {@link Scheduler} the way the interpreter does, with fake strands whose body
 * is a script of Java steps. A step gets the previous step's result (or, after it blocked, the strand's
 * resumeValue) and returns its own result, or {@link Scheduler#BLOCK} to suspend the strand.
 */
final class Sim {
    interface Step {
        Object run(Strand self, Object in);
    }

    static final class Script {
        final List<Step> steps;
        int pc;
        /** What the strand holds, as the interpreter's frames would (see {@link #seeingHeldValues}). */
        final List<Object> held = new ArrayList<>();

        Script(List<Step> steps) {
            this.steps = steps;
        }
    }

    final Scheduler s;
    final List<String> log = new ArrayList<>();
    int dispatches;
    /** How many polls ({@link #poll}) found the quantum used up, and how many of them left the decision to the loop. */
    int quantumEnds;
    int deferred;
    /** How many of the deferred ones the loop resumed at once (no yield): only where the bound was low. */
    int resumedInPlace;

    Sim(Machine m, long seed, SchedulerOptions o) {
        this(m, seed, o, new Meter());
    }

    /** A run that charges through {@code meter}, as the interpreter's runs share their context's. */
    Sim(Machine m, long seed, SchedulerOptions o, Meter meter) {
        s = new Scheduler(m, seed, o, meter);
    }

    Sim(Machine m, long seed) {
        this(m, seed, new SchedulerOptions());
    }

    /** A run whose deadlock report sees into each script's {@link Script#held}, as into a thread's frames. */
    static Sim seeingHeldValues(int cores) {
        return new Sim(Machine.preset("uniform", cores), 1, new SchedulerOptions().valueReferences((v, out) -> {
            if (v instanceof Script sc) sc.held.forEach(out);
            if (v instanceof List<?> values) values.forEach(out); // a container of the test's values
        }));
    }

    /** Marks that {@code t} holds {@code values} (channels, or lists of them). */
    static void holds(Strand t, Object... values) {
        ((Script) t.body).held.addAll(Arrays.asList(values));
    }

    static Sim uniform(int cores) {
        return new Sim(Machine.preset("uniform", cores), 1);
    }

    Strand main(Step... steps) {
        return s.spawnMain(new Script(new ArrayList<>(Arrays.asList(steps))));
    }

    Strand main(List<Step> steps) {
        return s.spawnMain(new Script(steps));
    }

    /** Starts a strand from the current one (or from core 0 before the run). */
    Strand start(int core, Step... steps) {
        return start(core, new ArrayList<>(Arrays.asList(steps)));
    }

    Strand start(int core, List<Step> steps) {
        return s.spawn(new Script(steps), core, "test");
    }

    /** Runs until nothing can run (not stopping when main ends, unless stopAtMain). */
    Sim run(boolean stopAtMain) {
        for (Strand t; (t = s.next()) != null; ) {
            if (++dispatches > 1_000_000) throw new AssertionError("runaway simulation");
            step(t);
            if (stopAtMain && s.mainDone()) break;
        }
        return this;
    }

    Sim run() {
        return run(false);
    }

    private void step(Strand t) {
        Script sc = (Script) t.body;
        Object in = t.resumeValue;
        while (true) {
            if (s.isKilled(t)) {
                s.finished(t, s.options.killedReason, false);
                return;
            }
            if (sc.pc == sc.steps.size()) {
                s.finished(t, s.options.normalReason, false);
                return;
            }
            Object r;
            try {
                r = sc.steps.get(sc.pc++).run(t, in);
            } catch (ChanRuntimeError e) {
                log.add(t.id() + " error " + e.getMessage());
                boolean monitored = s.finished(t, "error: " + e.getMessage(), true);
                if (!monitored) log.add("thread " + t.id() + " crashed unmonitored");
                return;
            }
            if (r == Scheduler.BLOCK) {
                if (s.runsOn(t)) { // only a quantum's end, and nothing else is due: t goes on
                    resumedInPlace++;
                    in = t.resumeValue;
                    continue;
                }
                s.suspended(t);
                return;
            }
            in = r;
        }
    }

    // ---- steps

    Step send(Channel c, Object v) {
        return (t, in) -> c.send(v);
    }

    Step recv(Channel c) {
        return (t, in) -> c.receive();
    }

    Step sleep(long n) {
        return (t, in) -> s.sleep(n);
    }

    /** Logs "label value" with the strand id. */
    Step log(String label) {
        return (t, in) -> {
            log.add(t.id() + " " + label + " " + in);
            return in;
        };
    }

    /** Logs "label value @time". */
    Step logTime(String label) {
        return (t, in) -> {
            log.add(t.id() + " " + label + " " + in + " @" + s.now());
            return in;
        };
    }

    Step charge(long cycles) {
        return (t, in) -> s.charge(cycles) ? s.yieldCurrent() : in;
    }

    /** The charge as compiled code makes it (PollNode): the full check left to the loop unless quiet. */
    Step poll(long cycles) {
        return (t, in) -> {
            if (!s.meter().spendAndCheck(cycles)) return in;
            quantumEnds++;
            if (s.meter().startQuietQuantum()) return in;
            deferred++;
            return s.deferQuantumEnd();
        };
    }

    static <T> List<T> repeat(int n, List<T> items) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.addAll(items);
        return out;
    }
}
