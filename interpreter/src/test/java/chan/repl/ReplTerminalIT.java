package chan.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.testing.TmuxTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL driven through a real terminal (tmux, see {@link TmuxTerminal}), as a user drives it:
 * multi-line input, history recall, tab completion, an error then a working input, :threads showing a
 * blocked thread and where, and Ctrl-C stopping an endless loop. Needs the packaged launcher (./chan).
 */
class ReplTerminalIT {
    private static final Path CHAN = Path.of("chan").toAbsolutePath();

    @TempDir
    Path dir;
    private TmuxTerminal term;

    @BeforeEach
    void start() throws Exception {
        term = TmuxTerminal.repl(CHAN, dir.resolve("history"));
        term.waitForPrompt(1);
    }

    @AfterEach
    void stop() throws Exception {
        term.close();
    }

    @Test
    void multiLineInputContinuesUntilTheBracketsCloseAndUpRecallsIt() throws Exception {
        term.line("fn twice(x) {");
        term.waitFor(" ...> ");
        term.line("return x * 2;");
        term.line("}");
        term.waitForPrompt(2);
        term.line("twice(21)");
        term.waitFor("\n42\n");
        term.waitForPrompt(3);
        term.press("Up");
        term.waitFor("twice(21)", 2);
        term.press("Enter");
        term.waitFor("\n42\n", 2);
        term.waitForPrompt(4);
        term.line(":quit");
        String history = waitForFile(dir.resolve("history"));
        assertTrue(history.contains("fn twice(x) {\\nreturn x * 2;"), "the multi-line input is one history entry:\n" + history);
    }

    @Test
    void tabCompletesSessionNamesBuiltinsAndModuleMembers() throws Exception {
        Path module = Files.writeString(dir.resolve("greet.chan"), "fn greeting_for(name) { return \"hello, \" + name; }\n", UTF_8);
        term.line("let counter_value = 5;");
        term.waitForPrompt(2);
        term.type("counter_v");
        term.press("Tab");
        term.waitFor("counter_value");
        term.press("Enter");
        term.waitFor("\n5\n");
        term.waitForPrompt(3);
        term.line("import \"" + module + "\" as greet;");
        term.waitForPrompt(4);
        term.type("greet.gree");
        term.press("Tab");
        term.waitFor("greet.greeting_for");
        term.type("(\"you\")");
        term.press("Enter");
        term.waitFor("\"hello, you\"");
        term.waitForPrompt(5);
        term.type("prin"); // `pri` would be `print` or the keyword `prichoose`
        term.press("Tab");
        term.type("(\"printed\")");
        term.press("Enter");
        term.waitFor("\nprinted\n");
    }

    /** Lines typed while the JVM still starts wait in the terminal's queue, as they do for a shell. */
    @Test
    void linesTypedBeforeTheFirstPromptAreRunInOrder() throws Exception {
        try (TmuxTerminal early = TmuxTerminal.repl(CHAN, dir.resolve("history-early"))) {
            early.line("let typed = 6;");
            early.line("typed * 7");
            String screen = early.waitFor("\n42\n");
            assertTrue(screen.indexOf("Chan REPL on") < screen.lastIndexOf("chan> typed * 7"),
                            "both lines ran after the banner:\n" + screen);
        }
    }

    @Test
    void readLineTakesTheLineTypedAfterItAsData() throws Exception {
        term.line("let name = read_line(); print(\"hello,\", name);");
        term.line("Ada (the {first}");
        term.waitFor("\nhello, Ada (the {first}\n");
        term.waitForPrompt(2);
        term.line("name");
        term.waitFor("\n\"Ada (the {first}\"\n");
        term.waitForPrompt(3);
    }

    @Test
    void anErrorShowsItsCaretAndTheNextInputWorks() throws Exception {
        term.line("let z = 0;");
        term.waitForPrompt(2);
        term.line("7 / z");
        String screen = term.waitForPrompt(3);
        assertTrue(screen.contains("<repl-2>:1:3: error: division by zero"), screen);
        assertTrue(screen.contains("  7 / z\n    ^\n"), "the source line as typed and a caret under '/':\n" + screen);
        assertFalse(screen.contains("Exception"), screen);
        term.line("6 * 7");
        term.waitFor("\n42\n");
    }

    @Test
    void threadsListsABlockedThreadWithItsOperationAndPosition() throws Exception {
        term.line("let c = chan();");
        term.waitForPrompt(2);
        term.line("let t = start {   c <- 1;   };");
        term.waitForPrompt(3);
        term.line(":threads");
        String screen = term.waitForPrompt(4);
        assertTrue(Pattern.compile("thread \\d+ on core 0: blocked in send at <repl-2>:1:19 \\(started at <repl-2>:1\\)").matcher(screen).find(), screen);
        term.line("<-c");
        term.waitFor("\n1\n");
        term.waitForPrompt(5);
        term.line(":threads");
        term.waitFor("no threads");
    }

    @Test
    void ctrlCStopsAnEndlessLoopAndTheSessionGoesOn() throws Exception {
        term.line("let kept = 99;");
        term.waitForPrompt(2);
        term.line("while (true) { }");
        Thread.sleep(2000);
        assertEquals(2, TmuxTerminal.count(term.screen(), "chan> "), "the loop is still running:\n" + term.screen());
        term.press("C-c");
        term.waitFor("interrupted");
        term.waitForPrompt(3);
        term.line("kept + 1");
        term.waitFor("\n100\n");
    }

    /**
     * The same for a loop that runs compiled: compiled code reads the quiet bound only at its entry,
     * so Ctrl-C must take it out of that code (ChanContext.quietQuanta), on the foreground thread and
     * on a thread started in the background, which stays, preempted.
     */
    @Test
    void ctrlCStopsACompiledEndlessLoop() throws Exception {
        term.line("fn spin(n) { let i = 0; while (i != n) { i += 1; } return i; }");
        term.waitForPrompt(2);
        term.line("for (k in range(0, 300)) { spin(100000); }"); // enough for both tiers of `spin`
        term.waitForPrompt(3);
        term.line("spin(-1)"); // never ends: i passes -1 only after 2^64 steps
        Thread.sleep(5000);
        assertEquals(3, TmuxTerminal.count(term.screen(), "chan> "), "the loop is not running:\n" + term.screen());
        term.press("C-c");
        term.waitFor("interrupted");
        term.waitForPrompt(4);
        term.line("let t = start spin(-1);");
        term.waitForPrompt(5);
        term.line("<-chan()"); // the foreground waits; the thread beside it spins
        Thread.sleep(3000);
        assertEquals(5, TmuxTerminal.count(term.screen(), "chan> "), "the input ended:\n" + term.screen());
        term.press("C-c");
        term.waitFor("interrupted", 2);
        term.waitForPrompt(6);
        term.line(":threads");
        term.waitFor("runnable");
    }

    private static String waitForFile(Path file) throws Exception {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        return Files.readString(file, UTF_8);
    }
}
