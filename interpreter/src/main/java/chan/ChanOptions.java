package chan;

import com.oracle.truffle.api.Option;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

/** The options a run of a Chan program takes; the launcher maps `--cores 8` to `chan.Cores=8`. */
@Option.Group(ChanLanguage.ID)
public final class ChanOptions {
    private ChanOptions() {}

    @Option(help = "Number of simulated cores (default: the machine's, 4 for uniform).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<Integer> Cores = new OptionKey<>(0);

    @Option(help = "Simulated machine: a preset name or a machine file.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<String> Machine = new OptionKey<>("uniform");

    @Option(help = "Seed of the run's random generator (choose, rand).", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<Long> Seed = new OptionKey<>(1L);

    @Option(help = "Print per-core statistics at exit.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> Stats = new OptionKey<>(false);

    @Option(help = "Write a Chrome trace of the run to this file.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<String> Trace = new OptionKey<>("");

    @Option(help = "Warn about threads still blocked when the program ends.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> WarnLeaks = new OptionKey<>(false);

    @Option(help = "Directories searched by `import NAME;` (path-separated); the stdlib comes last.", category = OptionCategory.USER, stability = OptionStability.STABLE)
    public static final OptionKey<String> Path = new OptionKey<>("");

    @Option(help = "Deepest call nesting before a `stack overflow` error.", category = OptionCategory.EXPERT, stability = OptionStability.STABLE)
    public static final OptionKey<Integer> MaxDepth = new OptionKey<>(100_000);

    @Option(help = "Flush standard output after every line (the launcher sets it when standard output is a terminal).", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> LineBuffered = new OptionKey<>(false);

    @Option(help = "Print Java stack traces of internal errors.", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> InternalErrors = new OptionKey<>(false);

    @Option(help = "Build every function with every instrumentation tag (the launcher sets it when a tool, --inspect or --cpusampler, is on): a tool then never has a function built a second time.", category = OptionCategory.INTERNAL, stability = OptionStability.STABLE)
    public static final OptionKey<Boolean> Instrumented = new OptionKey<>(false);

    @Option(help = "Compile loops as roots of their own, called where they stand (on by default; off to measure against).", category = OptionCategory.INTERNAL, stability = OptionStability.EXPERIMENTAL)
    public static final OptionKey<Boolean> OutlineLoops = new OptionKey<>(true);
}
