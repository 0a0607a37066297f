package chan.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sessions docs/repl.md shows are what a session prints. Each unlabelled ``` block of the page
 * that holds a `chan> ` prompt is one transcript: its `chan> ` and ` ...> ` lines are typed into a
 * fresh in-process REPL (whose input is then not a terminal, so it reads them as lines), and the
 * other lines are what it must print, standard output and error together as a terminal shows
 * them. A block that begins with `$ ./chan repl ARGS` is run with ARGS and shows the session's
 * banner too; the others start on the default machine, banner not compared. The wall time of
 * `:time` is the host's of the moment, so it is compared as `#`.
 */
class ReplTranscriptsTest {
    private static final Path PAGE = Path.of("docs/repl.md");
    private static final String PROMPT = "chan>";
    private static final String CONTINUATION = " ...> ";
    private static final String COMMAND = "$ ./chan ";
    private static final Pattern WALL_TIME = Pattern.compile("[0-9][0-9.]* ms \\(wall\\)");

    /** One session of the page: the line of its fence, its command-line words, inputs and printed lines. */
    private record Transcript(int line, List<String> args, boolean showsBanner, List<String> inputs, List<String> printed) {}

    @TestFactory
    Stream<DynamicTest> everySessionPrintsWhatThePageShows() throws IOException {
        List<Transcript> transcripts = transcripts(Files.readAllLines(PAGE, UTF_8));
        assertTrue(transcripts.size() >= 5, "docs/repl.md shows only " + transcripts.size() + " sessions");
        return transcripts.stream().map(t -> dynamicTest(PAGE + ":" + t.line(), () -> check(t)));
    }

    private static void check(Transcript t) throws Exception {
        String typed = t.inputs().isEmpty() ? "" : String.join("\n", t.inputs()) + "\n";
        InProcessRun run = InProcessRun.merged(t.args().toArray(String[]::new), typed);
        List<String> printed = printedLines(run.stdout());
        if (!t.showsBanner()) {
            printed = printed.subList(Math.min(2, printed.size()), printed.size());
        }
        assertEquals(0, run.exit(), PAGE + ":" + t.line() + ": exit code\n" + run.stdout());
        assertEquals(withoutWallTime(String.join("\n", t.printed())), withoutWallTime(String.join("\n", printed)),
                        PAGE + ":" + t.line() + ": what the session prints");
    }

    /** The lines a session printed, each without the prompts before it (input is not echoed). */
    private static List<String> printedLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.startsWith(PROMPT + " ") || rest.startsWith(CONTINUATION)) {
                rest = rest.substring(rest.startsWith(CONTINUATION) ? CONTINUATION.length() : PROMPT.length() + 1);
            }
            if (!rest.isEmpty()) {
                lines.add(rest);
            }
        }
        return lines;
    }

    private static String withoutWallTime(String text) {
        return WALL_TIME.matcher(text).replaceAll("# ms (wall)");
    }

    /** The page's unlabelled ``` blocks that hold a prompt, read as sessions. */
    private static List<Transcript> transcripts(List<String> lines) {
        List<Transcript> transcripts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```")) {
                continue;
            }
            int start = i;
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                body.add(lines.get(i));
            }
            if (body.stream().anyMatch(l -> l.startsWith(PROMPT))) {
                transcripts.add(transcript(start + 1, body));
            }
        }
        return transcripts;
    }

    private static Transcript transcript(int line, List<String> body) {
        List<String> args = new ArrayList<>(List.of("repl"));
        boolean showsBanner = false;
        List<String> inputs = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        for (String l : body) {
            if (l.startsWith(COMMAND + "repl")) {
                args = List.of(l.substring(COMMAND.length()).trim().split(" +"));
                showsBanner = true;
            } else if (l.startsWith(PROMPT)) {
                String input = l.substring(PROMPT.length()).stripLeading();
                if (!input.isEmpty()) {
                    inputs.add(input);
                }
            } else if (l.startsWith(CONTINUATION)) {
                inputs.add(l.substring(CONTINUATION.length()));
            } else {
                printed.add(l);
            }
        }
        return new Transcript(line, args, showsBanner, inputs, printed);
    }
}
