package chan.runtime;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * A simulated machine: cores grouped into packages (sockets), and the latency in cycles of a cache-line
 * transfer from any core to any other. Immutable. Built from a preset ({@link MachinePresets}), from a
 * machine file ({@link MachineFile}), or from either by name ({@link #resolve}).
 *
 * <p>Invariants: cores are numbered 0..cores()-1 package by package, so the cores of a package are
 * contiguous and package numbers rise with core numbers; every latency is at least 0. Taking the first
 * N cores of a machine ({@link #firstCores}) keeps these. (A machine file may make latency(i, i) larger
 * than another of core i's latencies: odd, but nothing here relies on it.)
 */
public final class Machine {
    /** The latency table is dense (cores²), so machines are kept to a size where that is cheap. */
    public static final int MAX_CORES = 1024;

    private final String name;
    private final int n;
    private final int[] packageOf;
    private final int packages;
    private final int[] latency;

    Machine(String name, int[] packageOf, int[] latency) {
        this.name = name;
        this.n = packageOf.length;
        this.packageOf = packageOf;
        this.packages = n == 0 ? 0 : packageOf[n - 1] + 1;
        this.latency = latency;
    }

    /** A preset at its full size ({@code uniform}: 4 cores). */
    public static Machine preset(String name) {
        return MachinePresets.get(name, null);
    }

    /** A preset with {@code cores} cores: {@code uniform} makes that many, others take their first N. */
    public static Machine preset(String name, int cores) {
        return MachinePresets.get(name, cores);
    }

    /** A machine file; errors name {@code file:line}. */
    public static Machine load(Path file) {
        return MachineFile.load(file);
    }

    /**
     * What {@code --machine M --cores N} means: M (null for the default {@code uniform}) is a preset
     * name or else a machine file; N (nullable) is the number of cores to use.
     */
    public static Machine resolve(String nameOrFile, Integer coresOrNull) {
        if (nameOrFile == null || MachinePresets.names().contains(nameOrFile)) {
            return MachinePresets.get(nameOrFile == null ? "uniform" : nameOrFile, coresOrNull);
        }
        Path file;
        try {
            file = Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            throw new MachineException("cannot read machine file " + VisibleText.of(nameOrFile) + ": " + FileFailure.reason(e));
        }
        if (!Files.exists(file) && (nameOrFile.contains("/") || nameOrFile.contains(java.io.File.separator) || nameOrFile.endsWith(".machine"))) {
            throw new MachineException("cannot read machine file " + VisibleText.of(nameOrFile) + ": no such file");
        }
        if (!Files.exists(file)) {
            throw new MachineException("unknown machine '" + VisibleText.of(nameOrFile) + "' (known: "
                    + String.join(", ", MachinePresets.names()) + "; or a machine file)");
        }
        Machine m = load(file);
        return coresOrNull == null ? m : m.firstCores(coresOrNull);
    }

    /** The preset names, in the order they are documented. */
    public static List<String> presetNames() {
        return MachinePresets.names();
    }

    public String name() { return name; }

    public int cores() { return n; }

    public int packages() { return packages; }

    public int packageOf(int core) {
        check(core);
        return packageOf[core];
    }

    /** Cycles for a cache line written on core {@code from} to become visible on core {@code to}. */
    public int latency(int from, int to) {
        check(from);
        check(to);
        return latency[from * n + to];
    }

    /** {@link #latency} without the range checks, for the scheduler's hot paths. */
    int lat(int from, int to) {
        return latency[from * n + to];
    }

    /** The machine made of this one's cores 0..count-1 (what {@code --cores N} does to a preset). */
    public Machine firstCores(int count) {
        if (count < 1 || count > n) {
            throw new MachineException("machine " + name + " has " + n + (n == 1 ? " core" : " cores") + "; cannot use " + count);
        }
        if (count == n) return this;
        int[] lat = new int[count * count];
        for (int i = 0; i < count; i++) System.arraycopy(latency, i * n, lat, i * count, count);
        return new Machine(name, java.util.Arrays.copyOf(packageOf, count), lat);
    }

    /** One line for humans: size, and the latencies seen from core 0 with how many cores are at each. */
    public String describe() {
        TreeMap<Integer, Integer> seen = new TreeMap<>();
        for (int j = 0; j < n; j++) seen.merge(latency[j], 1, Integer::sum);
        StringBuilder b = new StringBuilder(name + ": " + n + (n == 1 ? " core" : " cores") + " in "
                + packages + (packages == 1 ? " package" : " packages") + "; latency from core 0:");
        seen.forEach((lat, count) -> b.append(' ').append(lat).append(" (x").append(count).append(')'));
        return b.toString();
    }

    @Override
    public String toString() {
        return name + " (" + n + (n == 1 ? " core)" : " cores)");
    }

    private void check(int core) {
        if (core < 0 || core >= n) {
            throw new MachineException("core " + core + " out of range 0.." + (n - 1) + " on machine " + name);
        }
    }
}
