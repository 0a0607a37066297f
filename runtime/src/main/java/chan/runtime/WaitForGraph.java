package chan.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds the {@link DeadlockReport}. A strand blocked on channel c (alone or among a choose's
 * options) waits for every other strand that could complete its operation: each that holds c, and,
 * when c is a {@code monitor(u)} channel, u, whose end would send on it. A strand holds the channels
 * it can reach right now: from its frames (locals, captures, and what they refer to, through {@link
 * ValueReferences}), from a value it is blocked sending, from the values buffered in a channel it
 * holds (it could receive them), and the channels it is blocked on itself. So a cycle is found
 * whether or not any operation ever completed on its channels: in {@code <-b; a <- 1;} against
 * {@code <-a; b <- 1;} each thread holds the channel the other waits on. The graph never has an edge
 * to a strand that cannot reach the channel, nor to one blocked in the same operation on the same
 * channel (two sends on a full channel): that one needs what the first needs before it could help,
 * and the threads that could give it are already the first's.
 *
 * <p>Without {@link SchedulerOptions#valueReferences} (the runtime used alone, which cannot see into
 * its bodies) the holders of c are taken to be the strands of c's last completed send and receive.
 * Reaching costs at most {@link #MAX_VISITS} values over all strands (a million threads each reaching
 * one shared large list would take minutes); past that a strand holds only what it is blocked on,
 * which can hide a cycle but never invents one.
 *
 * <p>The graph has a node for each strand and one for each wait queue a strand is blocked in: a
 * strand has an edge to each of its queues, a queue to the strands that could complete it. All the
 * strands blocked in one queue wait for the same strands, so edges stay linear in the strands and
 * holders (100,000 threads blocked on one channel that all hold would be 10^10 strand-to-strand
 * edges). Cycles are found with Tarjan's strongly connected components (iterative, so a million
 * strands do not overflow the stack); for each component of two or more strands, in order of their
 * lowest id, the report gives the shortest cycle through its lowest-id strand. At most {@link
 * #MAX_CYCLES} are given.
 */
final class WaitForGraph {
    static final int MAX_CYCLES = 10;
    static final long MAX_VISITS = 5_000_000;

    private final List<Strand> live;
    /** Node i &lt; n is strand live.get(i); node n + k is queues.get(k). */
    private final int n;
    private final List<WaitQueue> queues = new ArrayList<>();
    private final int[][] adj;

    /**
     * @param live the live strands sorted by id, all of them BLOCKED; main is the main strand or null
     * @param references how to see into guest values, or null
     * @param monitors each monitored strand's monitor channels (a Channel or a list of them)
     * @param watches each watched strand's watch channels, likewise
     */
    static DeadlockReport report(List<Strand> live, Strand main, ValueReferences references, Map<Strand, Object> monitors,
                                 Map<Strand, Object> watches) {
        WaitForGraph g = new WaitForGraph(live, references, monitors, watches);
        List<DeadlockReport.Blocked> blocked = new ArrayList<>(live.size());
        for (Strand t : live) {
            String site = t.blockSite == null ? "blocked" : t.blockSite.toString();
            blocked.add(new DeadlockReport.Blocked(t.id(), t == main, t.core(), site));
        }
        List<List<Integer>> cycles = new ArrayList<>();
        for (int[] scc : components(g.adj)) {
            if (cycles.size() == MAX_CYCLES) break;
            if (scc.length < 2 || scc[1] >= g.n) continue; // fewer than two strands (nodes sort strands first)
            cycles.add(g.shortestCycle(scc).stream().map(i -> live.get(i).id()).toList());
        }
        return new DeadlockReport(blocked, cycles, g::waitsFor);
    }

    private WaitForGraph(List<Strand> live, ValueReferences references, Map<Strand, Object> monitors,
                         Map<Strand, Object> watches) {
        this.live = live;
        this.n = live.size();
        IdentityHashMap<WaitQueue, Integer> queueIndex = new IdentityHashMap<>(); // looked up only
        int[][] strandEdges = new int[n][];
        for (int i = 0; i < n; i++) {
            List<WaitQueue> qs = queues(live.get(i));
            strandEdges[i] = new int[qs.size()];
            for (int k = 0; k < qs.size(); k++) {
                WaitQueue q = qs.get(k);
                Integer at = queueIndex.get(q);
                if (at == null) {
                    at = queues.size();
                    queueIndex.put(q, at);
                    queues.add(q);
                }
                strandEdges[i][k] = n + at;
            }
        }
        IdentityHashMap<Channel, IntList> holders = references == null ? lastUsers() : holders(references);
        IdentityHashMap<Channel, Integer> endsWith = monitored(monitors, watches);
        adj = new int[n + queues.size()][];
        System.arraycopy(strandEdges, 0, adj, 0, n);
        for (int k = 0; k < queues.size(); k++) {
            WaitQueue q = queues.get(k);
            IntList targets = new IntList();
            IntList h = holders.get(q.channel);
            for (int j = 0; h != null && j < h.size; j++) {
                if (live.get(h.items[j]).waitOn != q) targets.add(h.items[j]);
            }
            Integer ender = endsWith.get(q.channel);
            if (ender != null) targets.add(ender);
            adj[n + k] = Arrays.stream(targets.items, 0, targets.size).sorted().distinct().toArray();
        }
    }

    /** The ids of the strands the strand {@code id} waits for, in order; none for a strand not in the report. */
    private List<Integer> waitsFor(int id) {
        int i = Collections.binarySearch(live.stream().map(Strand::id).toList(), id);
        if (i < 0) return List.of();
        TreeSet<Integer> ids = new TreeSet<>();
        for (int q : adj[i]) {
            for (int u : adj[q]) if (u != i) ids.add(live.get(u).id());
        }
        return List.copyOf(ids);
    }

    /** Channel → the positions of the strands that hold it, in order, for the channels waited on alone. */
    private IdentityHashMap<Channel, IntList> holders(ValueReferences references) {
        IdentityHashMap<Channel, IntList> holders = new IdentityHashMap<>(); // looked up only, never iterated
        for (WaitQueue q : queues) holders.put(q.channel, new IntList());
        long budget = MAX_VISITS;
        for (int i = 0; i < n; i++) {
            Strand t = live.get(i);
            ArrayDeque<Object> roots = new ArrayDeque<>();
            for (WaitQueue q : queues(t)) roots.add(q.channel);
            int blockedOn = roots.size();
            if (t.waitOn instanceof WaitQueue q && q.senders) roots.add(t.resumeValue);
            if (t.waitOn instanceof ChoiceWaiter[] ws) {
                for (ChoiceWaiter w : ws) if (w.queue.senders) roots.add(w.sendValue());
            }
            if (t.body != null) roots.add(t.body);
            Set<Channel> held = Collections.newSetFromMap(new IdentityHashMap<>());
            budget -= reach(roots, budget > 0 ? references : null, blockedOn, held);
            for (Channel c : held) {
                IntList h = holders.get(c);
                if (h != null) h.add(i); // strands in order, whatever order the set gives the channels in
            }
        }
        return holders;
    }

    /**
     * Adds to {@code held} the channels reachable from {@code roots}; returns how many values it
     * visited. With no references only the first {@code blockedOn} roots (the channels the strand is
     * blocked on) are taken.
     */
    private static long reach(ArrayDeque<Object> roots, ValueReferences references, int blockedOn, Set<Channel> held) {
        if (references == null) {
            for (int k = 0; k < blockedOn; k++) held.add((Channel) roots.poll());
            return 0;
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        Consumer<Object> follow = w -> {
            if (w != null && seen.add(w)) todo.add(w);
        };
        roots.forEach(follow);
        long visits = 0;
        while (!todo.isEmpty()) {
            Object v = todo.poll();
            visits++;
            if (v instanceof Channel c) {
                held.add(c);
                for (int k = 0; k < c.length(); k++) follow.accept(c.buffered(k));
            } else {
                references.forEach(v, follow);
            }
        }
        return visits;
    }

    /** Without a view into the bodies: the strands of each channel's last completed send and receive. */
    private IdentityHashMap<Channel, IntList> lastUsers() {
        HashMap<Integer, Integer> index = new HashMap<>(); // id → position; looked up only
        for (int i = 0; i < n; i++) index.put(live.get(i).id(), i);
        IdentityHashMap<Channel, IntList> holders = new IdentityHashMap<>();
        for (WaitQueue q : queues) {
            IntList users = new IntList();
            for (Strand u : new Strand[] {q.channel.lastSender, q.channel.lastReceiver}) {
                if (u != null && index.containsKey(u.id())) users.add(index.get(u.id()));
            }
            holders.put(q.channel, users);
        }
        return holders;
    }

    /**
     * A live strand's monitor or watch channel → its position: the strand whose end completes a
     * receive on it.
     */
    private IdentityHashMap<Channel, Integer> monitored(Map<Strand, Object> monitors, Map<Strand, Object> watches) {
        IdentityHashMap<Channel, Integer> endsWith = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            for (Object m : new Object[] {monitors.get(live.get(i)), watches.get(live.get(i))}) {
                if (m instanceof Channel c) {
                    endsWith.put(c, i);
                } else if (m instanceof List<?> cs) {
                    for (Object c : cs) endsWith.put((Channel) c, i);
                }
            }
        }
        return endsWith;
    }

    private static List<WaitQueue> queues(Strand t) {
        if (t.waitOn instanceof WaitQueue q) return List.of(q);
        if (t.waitOn instanceof ChoiceWaiter[] ws) return Arrays.stream(ws).map(w -> w.queue).toList();
        return List.of();
    }

    /** Strongly connected components (Tarjan, iterative), each sorted, ordered by their lowest node. */
    private static List<int[]> components(int[][] adj) {
        int n = adj.length;
        int[] order = new int[n];
        int[] low = new int[n];
        int[] edge = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(order, -1);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        ArrayDeque<Integer> calls = new ArrayDeque<>();
        List<int[]> result = new ArrayList<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] >= 0) continue;
            order[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            calls.push(root);
            while (!calls.isEmpty()) {
                int v = calls.peek();
                if (edge[v] < adj[v].length) {
                    int w = adj[v][edge[v]++];
                    if (order[w] < 0) {
                        order[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        calls.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) low[calls.peek()] = Math.min(low[calls.peek()], low[v]);
                if (low[v] == order[v]) {
                    List<Integer> members = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        members.add(w);
                    } while (w != v);
                    result.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
                }
            }
        }
        result.sort((a, b) -> Integer.compare(a[0], b[0]));
        return result;
    }

    /**
     * Breadth-first from the lowest strand of scc back to itself, staying inside scc; the strands of
     * the path. A queue of the start's own choose that leads straight back to it is no cycle (the
     * start holds what it waits on), but a strand found later that waits in that queue closes one.
     */
    private List<Integer> shortestCycle(int[] scc) {
        int start = scc[0];
        int[] parent = new int[adj.length]; // -2: not reached, or outside scc; -1: the start
        Arrays.fill(parent, -2);
        boolean[] inside = new boolean[adj.length];
        for (int v : scc) inside[v] = true;
        boolean[] backToStart = new boolean[adj.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        parent[start] = -1;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int w : adj[u]) {
                if (w == start) {
                    if (parent[u] != start) return strandsTo(u, parent);
                    backToStart[u] = true;
                } else if (backToStart[w] && u != start) {
                    return strandsTo(u, parent);
                } else if (inside[w] && parent[w] == -2) {
                    parent[w] = u;
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("shortestCycle: component without a cycle");
    }

    /** The strand nodes on the path from the start to {@code last}, in order. */
    private List<Integer> strandsTo(int last, int[] parent) {
        ArrayList<Integer> path = new ArrayList<>();
        for (int x = last; x != -1; x = parent[x]) {
            if (x < n) path.add(x);
        }
        Collections.reverse(path); // not add(0, x): a cycle of 300,000 threads took minutes
        return path;
    }

    /** A growable list of ints: a channel's holders, a million of them boxed would be ~16 MB. */
    private static final class IntList {
        int[] items = new int[4];
        int size;

        void add(int v) {
            if (size == items.length) items = Arrays.copyOf(items, 2 * size);
            items[size++] = v;
        }
    }
}
