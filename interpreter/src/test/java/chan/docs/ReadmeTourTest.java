package chan.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import chan.launcher.ConformanceCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's tour says "the output is pasted as printed": each `$ ./chan …` line of its shell
 * transcripts is run, in process, and must print what follows it (standard output, then standard
 * error, as the transcripts show them; `; echo "exit $?"` adds the exit line). `chan test DIR` is
 * checked by its count, which is the number of programs in DIR; `chan bench` is run and must print
 * the same lines with other figures, which are the host's of the moment. A command that is not
 * `./chan` fails the test, so that a transcript added later is checked too.
 */
class ReadmeTourTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern EXIT_ECHO = Pattern.compile("; echo \"exit \\$\\?\"$");
    private static final Pattern TEST_COUNT = Pattern.compile("(\\d+) passed, 0 failed\n");
    private static final Pattern FIGURE = Pattern.compile("[0-9][0-9.]*");

    /** One `$ ` line of a transcript and the lines printed after it. */
    private record Command(int line, String command, String printed) {}

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsWhatTheReadmeShows() throws IOException {
        List<Command> commands = transcripts(Files.readAllLines(README, UTF_8));
        assertTrue(commands.size() >= 5, "the README's tour holds only " + commands.size() + " commands");
        return commands.stream().map(c -> dynamicTest("README.md:" + c.line() + ": " + c.command(), () -> check(c)));
    }

    private static void check(Command c) throws Exception {
        Matcher echo = EXIT_ECHO.matcher(c.command());
        boolean echoesExit = echo.find();
        String command = echoesExit ? c.command().substring(0, echo.start()) : c.command();
        assertTrue(command.startsWith("./chan "), "not a ./chan command: " + command);
        String[] argv = command.substring("./chan ".length()).trim().split(" +");
        if (argv[0].equals("test")) {
            Matcher count = TEST_COUNT.matcher(c.printed());
            assertTrue(count.matches(), "`chan test` prints 'N passed, 0 failed', not:\n" + c.printed());
            int programs = ConformanceCase.discover(Path.of(argv[1])).size();
            assertEquals(programs, Integer.parseInt(count.group(1)), "the number of programs in " + argv[1]);
            return;
        }
        InProcessRun run = InProcessRun.of(argv, "");
        if (argv[0].equals("bench")) {
            assertEquals(withoutFigures(c.printed()), withoutFigures(run.stdout() + run.stderr()),
                            "README.md:" + c.line() + ": what `chan bench` prints, its figures aside");
            return;
        }
        String shown = run.stdout() + run.stderr() + (echoesExit ? "exit " + run.exit() + "\n" : "");
        assertEquals(c.printed(), shown, "README.md:" + c.line() + ": " + String.join(" ", Arrays.asList(argv)));
    }

    /** The text with each number made `#`: `chan bench`'s times and sizes are the host's of the moment. */
    private static String withoutFigures(String text) {
        return FIGURE.matcher(text).replaceAll("#");
    }

    /** The `$ ` commands of the README's unlabelled ``` blocks, each with what it printed. */
    private static List<Command> transcripts(List<String> lines) {
        List<Command> commands = new ArrayList<>();
        boolean inBlock = false;
        int start = 0;
        String command = null;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fence = line.startsWith("```");
            if (inBlock && (fence || line.startsWith("$ "))) {
                if (command != null) {
                    commands.add(new Command(start, command, printed.toString()));
                }
                command = null;
                printed.setLength(0);
            }
            if (fence) {
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("$ ")) {
                command = line.substring(2);
                start = i + 1;
            } else if (command != null) {
                printed.append(line).append('\n');
            }
        }
        return commands;
    }
}
