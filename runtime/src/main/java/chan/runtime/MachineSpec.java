package chan.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The rules a machine is built from, as written in a machine file (see {@link MachineFile}) or by a
 * preset: package and die structure, a latency per sharing level, latencies per HyperTransport hop
 * with a per-hop extension past the listed ones, the links between packages, and per-pair overrides.
 *
 * <p>Latency of core i to core j, first rule that applies: a {@code latency cores} override; same core;
 * same die ({@code same-die}, default {@code same-package}); same package; otherwise by the hop distance
 * h between the packages (shortest path over the links, or 1 when no links are given):
 * {@code hop[h-1]}, or past the list {@code hop[last] + (h - listed) * extra-hop}.
 */
final class MachineSpec {
    String name = "machine";
    int packages = 1;
    int coresPerPackage = 0;
    int dies = 1;
    /** The line of `dies-per-package` in a machine file (0: none), where an uneven split is reported. */
    int diesLine;
    int sameCore = 2;
    int sameDie = -1;
    int samePackage = -1;
    int[] hops = new int[0];
    int extraHop = 70;
    /** {a, b, line}: package links, and {a, b, latency, line}: pair overrides. */
    final List<int[]> links = new ArrayList<>();
    final List<int[]> pairs = new ArrayList<>();
    /** The line of each pair's override, keyed by (lower core << 32 | higher core): looked up, never iterated. */
    final HashMap<Long, Integer> pairLines = new HashMap<>();
    /** The machine file's lines, for the source line and caret of an error at a line; null for a preset. */
    String[] lines;

    /** @param source names the origin in errors, e.g. {@code my.machine}; line 0 means the whole file */
    Machine build(String source) {
        if (coresPerPackage < 1) throw error(source, 0, "missing 'cores-per-package'");
        // In long: two numbers from the file can multiply past an int (and wrap to a small or negative count).
        long cores = (long) packages * coresPerPackage;
        if (cores > Machine.MAX_CORES) throw error(source, 0, cores + " cores; at most " + Machine.MAX_CORES + " are supported");
        int n = (int) cores; // so packages <= n too, and the hop table's packages² is small
        if (coresPerPackage % dies != 0) {
            throw error(source, lines, diesLine, 1, "dies-per-package " + dies + " does not divide cores-per-package " + coresPerPackage);
        }
        if (coresPerPackage > 1 && samePackage < 0) throw error(source, 0, "missing 'latency same-package'");
        if (packages > 1 && hops.length == 0) throw error(source, 0, "missing 'latency hop' (the machine has " + packages + " packages)");
        int[][] dist = hopDistances(source);
        int[] pkg = new int[n];
        int perDie = coresPerPackage / dies;
        int[] lat = new int[n * n];
        for (int i = 0; i < n; i++) pkg[i] = i / coresPerPackage;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int l;
                if (i == j) l = sameCore;
                else if (pkg[i] == pkg[j]) l = i / perDie == j / perDie && sameDie >= 0 ? sameDie : samePackage;
                else l = hopLatency(dist[pkg[i]][pkg[j]], source);
                lat[i * n + j] = l;
            }
        }
        for (int[] p : pairs) {
            for (int k = 0; k < 2; k++) {
                // word k + 2 of `latency cores A B N`: the caret under the core that does not exist
                if (p[k] >= n) throw error(source, lines, p[3], k + 2, "no core " + p[k] + " (cores are 0.." + (n - 1) + ")");
            }
            lat[p[0] * n + p[1]] = p[2];
            lat[p[1] * n + p[0]] = p[2];
        }
        return new Machine(name, pkg, lat);
    }

    private int hopLatency(int h, String source) {
        if (h <= hops.length) return hops[h - 1];
        long l = hops[hops.length - 1] + (long) (h - hops.length) * extraHop; // a long: the sum must not wrap negative
        if (l > Integer.MAX_VALUE) throw error(source, 0, h + " hops take " + l + " cycles; at most " + Integer.MAX_VALUE + " are supported");
        return (int) l;
    }

    /** Shortest hop counts between packages by breadth-first search over the links. */
    private int[][] hopDistances(String source) {
        int p = packages;
        int[][] dist = new int[p][p];
        if (links.isEmpty()) {
            for (int[] row : dist) Arrays.fill(row, 1);
            for (int i = 0; i < p; i++) dist[i][i] = 0;
            return dist;
        }
        // Each package's neighbours as a list: a search from every package is then O(p * (p + links)),
        // where scanning a p x p matrix made it O(p^3), seconds for a file of 1 024 packages.
        List<List<Integer>> neighbours = new ArrayList<>(p);
        for (int i = 0; i < p; i++) neighbours.add(new ArrayList<>());
        for (int[] l : links) {
            for (int k = 0; k < 2; k++) {
                // word k + 1 of `link A B`: the caret under the package that does not exist
                if (l[k] >= p) throw error(source, lines, l[2], k + 1, "no package " + l[k] + " (packages are 0.." + (p - 1) + ")");
            }
            neighbours.get(l[0]).add(l[1]);
            neighbours.get(l[1]).add(l[0]);
        }
        int[] queue = new int[p];
        for (int s = 0; s < p; s++) {
            Arrays.fill(dist[s], -1);
            dist[s][s] = 0;
            int head = 0, tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int v : neighbours.get(u)) {
                    if (dist[s][v] < 0) {
                        dist[s][v] = dist[s][u] + 1;
                        queue[tail++] = v;
                    }
                }
            }
            for (int v = 0; v < p; v++) {
                if (dist[s][v] < 0) throw error(source, 0, "packages " + s + " and " + v + " are not connected by links");
            }
        }
        return dist;
    }

    static MachineException error(String source, int line, String message) {
        return new MachineException(source + (line > 0 ? ":" + line : "") + ": " + message);
    }

    /**
     * An error at a line of a machine file names it as a program's error does: {@code file:line:column}
     * (the column of the line's directive), then the line and a caret under the directive.
     */
    static MachineException error(String source, String[] lines, int line, String message) {
        return error(source, lines, line, 0, message);
    }

    /**
     * The same at the line's word number {@code word} (0 is the directive, 1 its first value): a bad
     * value is pointed at, as a program's error points at its expression.
     */
    static MachineException error(String source, String[] lines, int line, int word, String message) {
        if (lines == null || line < 1 || line > lines.length) {
            return error(source, line, message);
        }
        String raw = lines[line - 1];
        int start = wordStart(raw, 0);
        int at = start;
        for (int i = 0; i < word && at < raw.length(); i++) {
            at = wordStart(raw, wordEnd(raw, at));
        }
        int column = raw.codePointCount(0, at) + 1;
        String shown = VisibleText.of(raw.substring(start).stripTrailing().replace('\t', ' '));
        String before = VisibleText.of(raw.substring(start, at).replace('\t', ' '));
        String caret = " ".repeat(before.codePointCount(0, before.length())) + "^";
        return new MachineException(source + ":" + line + ":" + column + ": " + message + "\n  " + shown + "\n  " + caret);
    }

    /** The index of the first character at or after {@code from} that is not a word break. */
    private static int wordStart(String raw, int from) {
        int i = from;
        while (i < raw.length() && isWordBreak(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String raw, int from) {
        int i = from;
        while (i < raw.length() && !isWordBreak(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What MachineFile splits a line's words on (regex {@code \s}), so that word n here is its word n. */
    private static boolean isWordBreak(char c) {
        return " \t\n\u000B\f\r".indexOf(c) >= 0;
    }
}
