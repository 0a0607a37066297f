package chan.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checked examples out of a Markdown file, following the convention of docs/README.md:
 * a fence ```chan [exit=N] [args="WORDS"] [file=NAME.chan] [norun], then, separated only by blank lines,
 * an ```output block and optionally ```stderr and ```stdin blocks, in any order. A ```chan block marked
 * `norun` is a fragment and is not run; any other ```chan block without an ```output block, and any
 * companion block without a ```chan block before it, is a mistake in the document ({@link #mistakes}).
 */
final class DocExamples {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([^`\\s]*)(.*)$");
    private static final Pattern OPTION = Pattern.compile("(\\w+)(?:=(\"[^\"]*\"|\\S+))?");
    private static final List<String> COMPANIONS = List.of("output", "stderr", "stdin");

    /** A fenced block: its info words, its body and the 1-based line of its opening fence. */
    private record Block(String language, String options, String body, int line, int endLine) {}

    final List<DocExample> examples = new ArrayList<>();
    final List<String> mistakes = new ArrayList<>();

    static DocExamples read(Path doc) throws IOException {
        var result = new DocExamples();
        result.collect(doc, Files.readAllLines(doc, StandardCharsets.UTF_8));
        return result;
    }

    private void collect(Path doc, List<String> lines) {
        List<Block> blocks = blocks(doc, lines);
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (COMPANIONS.contains(block.language())) {
                mistakes.add(doc + ":" + block.line() + ": a ```" + block.language() + " block with no ```chan block before it");
                continue;
            }
            if (!block.language().equals("chan")) {
                continue;
            }
            Map<String, String> companions = new LinkedHashMap<>();
            int last = block.endLine();
            while (i + 1 < blocks.size() && COMPANIONS.contains(blocks.get(i + 1).language())
                    && onlyBlankBetween(lines, last, blocks.get(i + 1).line())) {
                Block next = blocks.get(++i);
                if (companions.put(next.language(), next.body()) != null) {
                    mistakes.add(doc + ":" + next.line() + ": a second ```" + next.language() + " block for one example");
                }
                last = next.endLine();
            }
            example(doc, block, companions);
        }
    }

    private void example(Path doc, Block block, Map<String, String> companions) {
        Map<String, String> options = options(block.options());
        String where = doc + ":" + block.line() + ": ";
        if (options.containsKey("norun")) {
            if (!companions.isEmpty()) {
                mistakes.add(where + "a `norun` example has expected-output blocks");
            }
            return;
        }
        if (!companions.containsKey("output")) {
            mistakes.add(where + "a ```chan block needs an ```output block right after it (or mark it `norun`)");
            return;
        }
        for (String key : options.keySet()) {
            if (!List.of("exit", "args", "file").contains(key)) {
                mistakes.add(where + "unknown option '" + key + "' (known: exit, args, file, norun)");
                return;
            }
        }
        String exit = options.getOrDefault("exit", "0");
        if (!exit.matches("\\d{1,3}")) {
            mistakes.add(where + "exit=" + exit + " is not an exit code");
            return;
        }
        String args = options.getOrDefault("args", "").trim();
        examples.add(new DocExample(doc, block.line(), options.getOrDefault("file", "prog.chan"),
                args.isEmpty() ? List.of() : List.of(args.split("\\s+")), Integer.parseInt(exit),
                block.body(), companions.getOrDefault("stdin", ""), companions.get("output"), companions.get("stderr")));
    }

    private static Map<String, String> options(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            String value = m.group(2) == null ? "" : m.group(2);
            options.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        return options;
    }

    /** Every fenced block, with its body joined by '\n' and ending in '\n' unless it is empty. */
    private List<Block> blocks(Path doc, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(2).startsWith("`") && open.group(4).contains("`")) {
                continue;   // CommonMark: a backtick fence's info string has no backtick (that is inline code)
            }
            String indent = open.group(1);
            String fence = open.group(2);
            var body = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !isClosing(lines.get(j), fence)) {
                String line = lines.get(j);
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
                j++;
            }
            if (j == lines.size()) {
                mistakes.add(doc + ":" + (i + 1) + ": a fenced block that is never closed");
                return blocks;
            }
            blocks.add(new Block(open.group(3), open.group(4), body.toString(), i + 1, j + 1));
            i = j;
        }
        return blocks;
    }

    private static boolean isClosing(String line, String fence) {
        String t = line.strip();
        return t.startsWith(fence) && t.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static boolean onlyBlankBetween(List<String> lines, int afterLine, int beforeLine) {
        // afterLine and beforeLine are 1-based fence lines; the lines strictly between them are
        // indexes afterLine .. beforeLine - 2.
        for (int k = afterLine; k < beforeLine - 1; k++) {
            if (!lines.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
