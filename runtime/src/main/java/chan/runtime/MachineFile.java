package chan.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a machine file: one directive per line, {@code #} starts a comment, blank lines are ignored,
 * directives may come in any order. The presets in {@link MachinePresets} are written in this format.
 * <pre>
 * name              my-box          # optional; default: the file name without its extension
 * packages          2               # sockets (default 1); cores are numbered package by package
 * cores-per-package 4               # required
 * dies-per-package  2               # optional (default 1): cores of a package split evenly into dies
 * latency same-core    2            # default 2
 * latency same-die     25           # optional; default: same-package
 * latency same-package 75           # required when a package has more than one core
 * latency hop     190 260           # 1 hop, 2 hops, ...; required when there is more than one package
 * latency extra-hop    70           # each hop past the listed ones (default 70)
 * link 0 1                          # a link between two packages; with no links, all are 1 hop apart
 * latency cores 0 5 300             # override one pair of cores (both directions)
 * </pre>
 * Every error is one line naming {@code file:line}.
 */
final class MachineFile {
    private MachineFile() {}

    static Machine load(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            // A device or a pipe may never end (/dev/zero would fill the heap): refused as `chan FILE` refuses it.
            throw new MachineException("cannot read machine file " + VisibleText.of(file.toString()) + ": not a regular file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new MachineException("cannot read machine file " + file + ": " + FileFailure.reason(e));
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return parse(text, file.toString(), dot > 0 ? base.substring(0, dot) : base);
    }

    static Machine parse(String text, String source, String defaultName) {
        MachineSpec spec = new MachineSpec();
        spec.name = defaultName;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (!line.isEmpty()) directive(spec, line.split("\\s+"), new Where(source, i + 1));
        }
        return spec.build(source);
    }

    /** A position in the file, for error messages. */
    private record Where(String source, int line) {
        MachineException error(String message) {
            return MachineSpec.error(source, line, message);
        }
    }

    private static void directive(MachineSpec spec, String[] w, Where at) {
        switch (w[0]) {
            case "name" -> { args(w, 1, at); spec.name = w[1]; }
            case "packages" -> { args(w, 1, at); spec.packages = positive(w[1], at); }
            case "cores-per-package" -> { args(w, 1, at); spec.coresPerPackage = positive(w[1], at); }
            case "dies-per-package" -> { args(w, 1, at); spec.dies = positive(w[1], at); }
            case "link" -> { args(w, 2, at); spec.links.add(new int[] {number(w[1], at), number(w[2], at), at.line()}); }
            case "latency" -> latency(spec, w, at);
            default -> throw at.error("unknown directive '" + w[0]
                    + "' (expected name, packages, cores-per-package, dies-per-package, latency, link)");
        }
    }

    private static void latency(MachineSpec spec, String[] w, Where at) {
        if (w.length < 2) throw at.error("'latency' needs a kind: same-core, same-die, same-package, hop, extra-hop, cores");
        switch (w[1]) {
            case "same-core" -> { args(w, 2, at); spec.sameCore = number(w[2], at); }
            case "same-die" -> { args(w, 2, at); spec.sameDie = number(w[2], at); }
            case "same-package" -> { args(w, 2, at); spec.samePackage = number(w[2], at); }
            case "extra-hop" -> { args(w, 2, at); spec.extraHop = number(w[2], at); }
            case "hop" -> {
                if (w.length < 3) throw at.error("'latency hop' needs at least one latency (1 hop, 2 hops, ...)");
                spec.hops = Arrays.stream(w, 2, w.length).mapToInt(s -> number(s, at)).toArray();
            }
            case "cores" -> {
                args(w, 4, at);
                spec.pairs.add(new int[] {number(w[2], at), number(w[3], at), number(w[4], at), at.line()});
            }
            default -> throw at.error("unknown latency kind '" + w[1]
                    + "' (expected same-core, same-die, same-package, hop, extra-hop, cores)");
        }
    }

    private static void args(String[] w, int count, Where at) {
        if (w.length - 1 != count) {
            throw at.error("'" + String.join(" ", Arrays.copyOf(w, Math.min(w.length, w[0].equals("latency") ? 2 : 1)))
                    + "' takes " + (w[0].equals("latency") ? count - 1 : count) + " argument(s)");
        }
    }

    private static int number(String s, Where at) {
        try {
            int v = Integer.parseInt(s.replace("_", ""));
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw at.error("expected a non-negative number, found '" + s + "'");
    }

    private static int positive(String s, Where at) {
        int v = number(s, at);
        if (v == 0) throw at.error("expected a positive number, found '" + s + "'");
        return v;
    }
}
