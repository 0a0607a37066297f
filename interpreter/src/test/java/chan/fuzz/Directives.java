package chan.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The machine options of a conformance program's `//! args …` directives (tests/README.md), so that a
 * mutant of a kernel test runs on the machine its original needs. The program's own arguments (after
 * `--`), `--stats` (its table on stderr is not an error) and `--trace` are left out.
 */
final class Directives {
    private Directives() {}

    private static final Set<String> WITH_VALUE = Set.of("--cores", "--seed", "--max-depth", "--machine");

    static List<String> options(String text) {
        List<String> options = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("#!")) {
                continue;
            }
            if (!line.startsWith("//!")) {
                break;
            }
            String[] words = line.substring(3).trim().split("\\s+");
            if (!words[0].equals("args")) {
                continue;
            }
            for (int i = 1; i < words.length && !words[i].equals("--"); i++) {
                if (WITH_VALUE.contains(words[i]) && i + 1 < words.length) {
                    options.add(words[i]);
                    options.add(words[++i]);
                }
            }
        }
        return options;
    }
}
