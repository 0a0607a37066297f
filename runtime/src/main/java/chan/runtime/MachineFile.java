package chan.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.HashMap;
import java.util.Map;

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
 * An error at a line names {@code file:line:column} and shows the line with a caret under the value
 * at fault (else under the directive); an error about the whole file is one line naming the file.
 */
final class MachineFile {
    private MachineFile() {}

    static Machine load(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            // A device or a pipe may never end (/dev/zero would fill the heap): refused as `chan FILE` refuses it.
            throw new MachineException("cannot read machine file " + VisibleText.of(file.toString()) + ": not a regular file");
        }
        if (Files.isDirectory(file)) {
            // in the words `chan DIR` uses (ProgramFile), not the OS's "Is a directory"
            throw new MachineException("cannot read machine file " + VisibleText.of(file.toString()) + ": it is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MachineException("cannot read machine file " + VisibleText.of(file.toString()) + ": " + FileFailure.reason(e));
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        // Written out as a `name` must be: the name goes raw into --stats and errors, and a file's name may hold an escape.
        return parse(utf8(bytes, file.toString()), file.toString(), VisibleText.of(dot > 0 ? base.substring(0, dot) : base));
    }

    /** The file's text; a byte that is not UTF-8 is an error at its line, worded as a source file's is. */
    private static String utf8(byte[] bytes, String source) {
        Utf8Text.Decoded decoded = Utf8Text.decode(bytes);
        // Lines end at LF, CRLF or a lone CR alike: then every line ends at an LF (LineBreaks).
        String text = new String(LineBreaks.loneCrsAsLf(decoded.text()));
        if (decoded.badByte() >= 0) { // text is what precedes the bad byte
            int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
            throw MachineSpec.error(source, line, "the file is not UTF-8: " + decoded.badByteReason());
        }
        return text;
    }

    static Machine parse(String text, String source, String defaultName) {
        MachineSpec spec = new MachineSpec();
        spec.name = defaultName;
        // A byte-order mark some editors write first is no part of the first directive (the parser skips it too).
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\n", -1);
        spec.lines = lines;
        Map<String, Integer> given = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (!line.isEmpty()) {
                String[] words = line.split("\\s+");
                Where at = new Where(source, lines, i + 1);
                once(words, given, at);
                directive(spec, words, at);
            }
        }
        return spec.build(source);
    }

    /**
     * A directive that sets one value may come once: a second one, last winning silently, is more
     * likely a slip (a copied line, a half-edited file) than meant. `link` and `latency cores` add one
     * link or override each and may repeat.
     */
    private static void once(String[] w, Map<String, Integer> given, Where at) {
        String key = w[0].equals("latency") && w.length > 1 ? "latency " + w[1] : w[0];
        if (key.equals("link") || key.equals("latency cores") || key.equals("latency")) return;
        Integer first = given.putIfAbsent(key, at.line());
        if (first != null) throw at.error("'" + VisibleText.of(key) + "' given twice (first on line " + first + ")");
    }

    /** A position in the file, for error messages. */
    private record Where(String source, String[] lines, int line) {
        MachineException error(String message) {
            return MachineSpec.error(source, lines, line, message);
        }

        /** The error at the line's word number {@code word} (0 the directive): a bad value is pointed at. */
        MachineException error(int word, String message) {
            return MachineSpec.error(source, lines, line, word, message);
        }
    }

    private static void directive(MachineSpec spec, String[] w, Where at) {
        switch (w[0]) {
            case "name" -> {
                args(w, 1, at);
                // The name goes raw into --stats and the trace: a control character would act on the terminal.
                if (!VisibleText.of(w[1]).equals(w[1])) throw at.error(1, "a machine's name may not hold invisible characters, got '" + VisibleText.of(w[1]) + "'");
                spec.name = w[1];
            }
            case "packages" -> { args(w, 1, at); spec.packages = positive(w, 1, at); }
            case "cores-per-package" -> { args(w, 1, at); spec.coresPerPackage = positive(w, 1, at); }
            case "dies-per-package" -> { args(w, 1, at); spec.dies = positive(w, 1, at); spec.diesLine = at.line(); }
            case "link" -> {
                args(w, 2, at);
                int a = number(w, 1, at);
                int b = number(w, 2, at);
                // a slip for another link, as `link 0 0` for `link 0 1`: it joined nothing
                if (a == b) throw at.error(2, "a link joins two different packages, got 'link " + a + " " + b + "'");
                spec.links.add(new int[] {a, b, at.line()});
            }
            case "latency" -> latency(spec, w, at);
            default -> throw at.error("unknown directive '" + VisibleText.of(w[0])
                    + "' (expected name, packages, cores-per-package, dies-per-package, latency, link)");
        }
    }

    private static void latency(MachineSpec spec, String[] w, Where at) {
        if (w.length < 2) throw at.error("'latency' needs a kind: same-core, same-die, same-package, hop, extra-hop, cores");
        switch (w[1]) {
            case "same-core" -> { args(w, 2, at); spec.sameCore = number(w, 2, at); }
            case "same-die" -> { args(w, 2, at); spec.sameDie = number(w, 2, at); }
            case "same-package" -> { args(w, 2, at); spec.samePackage = number(w, 2, at); }
            case "extra-hop" -> { args(w, 2, at); spec.extraHop = number(w, 2, at); }
            case "hop" -> {
                if (w.length < 3) throw at.error("'latency hop' needs at least one latency (1 hop, 2 hops, ...)");
                spec.hops = IntStream.range(2, w.length).map(i -> number(w, i, at)).toArray();
            }
            case "cores" -> {
                args(w, 4, at);
                int a = number(w, 2, at);
                int b = number(w, 3, at);
                // a second override of one pair replaced the first silently: a slip, as a repeated `packages` is
                Integer first = spec.pairLines.putIfAbsent(((long) Math.min(a, b) << 32) | Math.max(a, b), at.line());
                if (first != null) throw at.error("latency of cores " + a + " and " + b + " given twice (first on line " + first + ")");
                spec.pairs.add(new int[] {a, b, number(w, 4, at), at.line()});
            }
            default -> throw at.error(1, "unknown latency kind '" + VisibleText.of(w[1])
                    + "' (expected same-core, same-die, same-package, hop, extra-hop, cores)");
        }
    }

    private static void args(String[] w, int count, Where at) {
        if (w.length - 1 != count) {
            throw at.error("'" + VisibleText.of(String.join(" ", Arrays.copyOf(w, Math.min(w.length, w[0].equals("latency") ? 2 : 1))))
                    + "' takes " + values(w[0].equals("latency") ? count - 1 : count) + ", got " + (w.length - 1 - (w[0].equals("latency") ? 1 : 0)));
        }
    }

    private static String values(int n) {
        return n + (n == 1 ? " value" : " values");
    }

    /**
     * The word {@code w[i]} as a number: ASCII digits, `_` between them allowed (Integer.parseInt alone
     * would take `+4` and an Arabic-Indic `٤`). An error points at the word.
     */
    private static int number(String[] w, int i, Where at) {
        String s = w[i];
        String digits = s.replace("_", "");
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw at.error(i, "number too large: " + s + " (at most " + Integer.MAX_VALUE + ")");
            }
        }
        throw at.error(i, "expected a non-negative number, found '" + VisibleText.of(s) + "'");
    }

    private static int positive(String[] w, int i, Where at) {
        int v = number(w, i, at);
        if (v == 0) throw at.error(i, "expected a positive number, found '" + w[i] + "'");
        return v;
    }
}
