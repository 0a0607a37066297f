package chan.runtime;

import java.util.List;

/**
 * The preset machines, written in the machine-file format ({@link MachineFile}) so that each is also an
 * example of it. docs/machine-model.md explains every number; in short:
 * <ul>
 * <li>{@code amd-8x4}: HotOS 2009 Table 1 — same core 2 (L1), same package 75 (shared L3),
 *     1 hop 190, 2 hops 260, and +70 for each further hop; the 8 packages are linked as a cube
 *     (each uses its three coherent HyperTransport links), so one package is 3 hops away (330).
 * <li>{@code amd-4x4}, {@code amd-2x2}, {@code intel-2x4}: the HotOS figure of the analogous level scaled
 *     by that machine's URPC latency over the 8x4 machine's (SOSP 2009 Table 2), e.g. 4x4 shared
 *     75·448/538 = 62. The Intel machine's dies share an L2 (180 → 25); everything else crosses the
 *     front-side bus (570 → 190·570/613 = 177), whether to the other die or the other package.
 * <li>{@code uniform}: one package of N cores (default 4) sharing a cache: 2 on the same core, 75 apart.
 * </ul>
 */
final class MachinePresets {
    private MachinePresets() {}

    static final int UNIFORM_DEFAULT_CORES = 4;

    private static final List<String> NAMES = List.of("uniform", "amd-8x4", "amd-4x4", "amd-2x2", "intel-2x4");

    static final String AMD_8X4 = """
            name amd-8x4
            packages 8
            cores-per-package 4
            latency same-core 2
            latency same-package 75
            latency hop 190 260
            latency extra-hop 70
            # a cube: package p links to p^1, p^2 and p^4
            link 0 1
            link 2 3
            link 4 5
            link 6 7
            link 0 2
            link 1 3
            link 4 6
            link 5 7
            link 0 4
            link 1 5
            link 2 6
            link 3 7
            """;

    static final String AMD_4X4 = """
            name amd-4x4
            packages 4
            cores-per-package 4
            latency same-core 2
            latency same-package 62
            latency hop 169 235
            # a square: 0-1 and 2-3 across, 0-2 and 1-3 down; diagonals are 2 hops
            link 0 1
            link 1 3
            link 3 2
            link 2 0
            """;

    static final String AMD_2X2 = """
            name amd-2x2
            packages 2
            cores-per-package 2
            latency same-core 2
            latency same-package 63
            latency hop 165
            """;

    static final String INTEL_2X4 = """
            name intel-2x4
            packages 2
            cores-per-package 4
            dies-per-package 2
            latency same-core 2
            latency same-die 25
            latency same-package 177
            latency hop 177
            """;

    static List<String> names() {
        return NAMES;
    }

    /** @param cores null for the preset's own size */
    static Machine get(String name, Integer cores) {
        Machine m = switch (name) {
            case "uniform" -> uniform(cores == null ? UNIFORM_DEFAULT_CORES : cores);
            case "amd-8x4" -> MachineFile.parse(AMD_8X4, "preset amd-8x4", name);
            case "amd-4x4" -> MachineFile.parse(AMD_4X4, "preset amd-4x4", name);
            case "amd-2x2" -> MachineFile.parse(AMD_2X2, "preset amd-2x2", name);
            case "intel-2x4" -> MachineFile.parse(INTEL_2X4, "preset intel-2x4", name);
            default -> throw new MachineException("unknown machine '" + name + "' (known: "
                    + String.join(", ", NAMES) + "; or a machine file)");
        };
        return cores == null ? m : m.firstCores(cores);
    }

    private static Machine uniform(int cores) {
        if (cores < 1) throw new MachineException("cannot use " + cores + " cores; at least 1 is needed");
        if (cores > Machine.MAX_CORES) {
            throw new MachineException("cannot use " + cores + " cores; at most " + Machine.MAX_CORES + " are supported");
        }
        MachineSpec spec = new MachineSpec();
        spec.name = "uniform";
        spec.coresPerPackage = cores;
        spec.samePackage = 75;
        return spec.build("preset uniform");
    }
}
