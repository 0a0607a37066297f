/**
 * The simulated multicore machine that Chan threads run on: plain Java (its one Truffle type is the
 * TruffleObject marker of the two guest values here, Channel and Strand), one host
 * thread, deterministic. docs/machine-model.md is the long version; this is the map.
 *
 * <h2>Parts</h2>
 * <ul>
 * <li>{@link chan.runtime.Machine}: cores, packages, latencies; presets in {@code MachinePresets},
 *     the machine-file format in {@code MachineFile}, the building rules in {@code MachineSpec}.
 * <li>{@link chan.runtime.Scheduler}: per-core clocks and run queues ({@code Core}, {@code RunQueue}),
 *     the discrete-event loop, spawn, sleep, after ({@code Timers}), preemption, and the end of a run:
 *     {@link chan.runtime.DeadlockReport} (built by {@code WaitForGraph}), {@link chan.runtime.Stats},
 *     the trace ({@code Trace}). Exits and monitors are {@code Exits}; message timing {@code Timing};
 *     fixed costs {@link chan.runtime.CostModel}.
 * <li>{@link chan.runtime.Strand}: one Chan thread; its body is the interpreter's continuation.
 * <li>{@link chan.runtime.Channel} ({@code ChannelBuffer}, {@code WaitQueue}, {@code WaitNode}) and
 *     {@link chan.runtime.Choose} ({@link chan.runtime.ChooseCase}, {@code ChoiceWaiter}): Go's channels
 *     and select.
 * </ul>
 *
 * <h2>How the interpreter drives it</h2>
 * <pre>
 * Scheduler s = new Scheduler(machine, seed, options);
 * Strand main = s.spawnMain(body);
 * for (Strand t; (t = s.next()) != null; ) {      // null: nothing can run
 *     Object r = resume(t.body, t.resumeValue);   // guest code calls channel ops, charge(), ... on s
 *     if (r is a suspension) { t.body = r; s.suspended(t); }
 *     else s.endAtTurn(t, () -> s.finished(t, reason, crashed)); // at t's turn, maybe in a later next()
 *     if (s.mainDone()) break;
 * }
 * // main done: exit 0 (s.leaked() lists threads left blocked); else s.deadlockReport() != null: exit 3
 * </pre>
 * An operation that cannot complete at once returns {@link chan.runtime.Scheduler#BLOCK} after queuing
 * the current strand; the interpreter suspends it. Whoever completes the wait stores the result in the
 * strand's {@code resumeValue} (and {@code recvOk()}; a choose's received value in its
 * {@link chan.runtime.ChooseCase}) and makes it runnable at the virtual time the news reaches its core.
 * An operation other cores can see waits for the strand's turn ({@code Scheduler.atOwnTurn}): it too
 * returns BLOCK, runs inside a later {@code next()}, and the strand resumes with its result (a
 * {@link chan.runtime.DeferredFailure} if it failed there). Errors the guest can see are {@link chan.runtime.ChanRuntimeError}s;
 * bad machine descriptions are {@link chan.runtime.MachineException}s; anything else is an internal error.
 */
package chan.runtime;
