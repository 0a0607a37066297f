package chan.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the {@link DeadlockReport}. Who a blocked strand waits for cannot be known exactly (any
 * strand holding the channel might complete it), so the graph takes the strands seen using the
 * channel: a strand blocked on channel c (alone or among a choose's options) has an edge to c's last
 * completed sender and last completed receiver, other than itself. This finds the classic cycles —
 * each strand holds a token the next one waits for (dining philosophers), or each waits on a channel
 * the other last used — and never invents an edge to a strand that never touched the channel.
 *
 * <p>Cycles are found with Tarjan's strongly connected components (iterative, so a million strands do
 * not overflow the stack); for each component of two or more strands, in order of their lowest id, the
 * report gives the shortest cycle through its lowest-id strand. At most {@link #MAX_CYCLES} are given.
 */
final class WaitForGraph {
    private WaitForGraph() {}

    static final int MAX_CYCLES = 10;

    /** @param live the live strands sorted by id, all of them BLOCKED; main is the main strand or null */
    static DeadlockReport report(List<Strand> live, Strand main) {
        int n = live.size();
        HashMap<Integer, Integer> index = new HashMap<>(); // id → position; looked up only, never iterated
        for (int i = 0; i < n; i++) index.put(live.get(i).id(), i);
        int[][] adj = new int[n][];
        List<DeadlockReport.Blocked> blocked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Strand t = live.get(i);
            TreeSet<Integer> targets = new TreeSet<>();
            for (WaitQueue q : queues(t)) {
                for (Strand u : new Strand[] {q.channel.lastSender, q.channel.lastReceiver}) {
                    if (u != null && u != t && index.containsKey(u.id())) targets.add(u.id());
                }
            }
            adj[i] = targets.stream().mapToInt(index::get).toArray();
            String site = t.blockSite == null ? "blocked" : t.blockSite.toString();
            blocked.add(new DeadlockReport.Blocked(t.id(), t == main, t.core(), site, List.copyOf(targets)));
        }
        List<List<Integer>> cycles = new ArrayList<>();
        for (int[] scc : components(adj)) {
            if (scc.length < 2 || cycles.size() == MAX_CYCLES) continue;
            cycles.add(shortestCycle(adj, scc).stream().map(i -> live.get(i).id()).toList());
        }
        return new DeadlockReport(blocked, cycles);
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

    /** Breadth-first from the lowest node of scc back to itself, staying inside scc. */
    private static List<Integer> shortestCycle(int[][] adj, int[] scc) {
        int start = scc[0];
        HashMap<Integer, Integer> parent = new HashMap<>();
        TreeSet<Integer> inside = new TreeSet<>();
        for (int v : scc) inside.add(v);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        parent.put(start, -1);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int w : adj[u]) {
                if (w == start) {
                    ArrayList<Integer> path = new ArrayList<>();
                    for (int x = u; x != -1; x = parent.get(x)) path.add(0, x);
                    return path;
                }
                if (inside.contains(w) && !parent.containsKey(w)) {
                    parent.put(w, u);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("shortestCycle: component without a cycle");
    }
}
