package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line of LANGUAGE.md §6: options before or after the file, program words, `--`. */
class CommandLineTest {
    @Test
    void optionsStandBeforeOrAfterTheFileAndTheRestIsTheProgramsArguments() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"--seed", "3", "prog.chan", "a", "--cores", "2", "b", "--", "--stats", "x"});
        assertEquals("prog.chan", cl.file());
        assertEquals(List.of("a", "b", "--stats", "x"), cl.programArgs());
        assertEquals("3", cl.options().get("chan.Seed"));
        assertEquals("2", cl.options().get("chan.Cores"));
    }

    @Test
    void aValueMayFollowAnEqualsSign() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"prog.chan", "--cores=8", "--machine=amd-8x4"});
        assertEquals("8", cl.options().get("chan.Cores"));
        assertEquals("amd-8x4", cl.options().get("chan.Machine"));
        var bad = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--cores=x"}));
        assertEquals("--cores takes a number from 1 to 1024, got 'x'", bad.getMessage());
        var huge = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--seed", "99999999999999999999"}));
        assertEquals("--seed takes a 64-bit number, got 99999999999999999999, which is out of range", huge.getMessage());
    }

    @Test
    void unknownOptionsAfterTheFileAreTheProgramsArgumentsInOrder() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"prog.chan", "a", "--verbose", "--seed", "3", "--foo=1", "-x", "--inspectx", "b", "--cores=2"});
        assertEquals(List.of("a", "--verbose", "--foo=1", "-x", "--inspectx", "b"), cl.programArgs());
        assertEquals("3", cl.options().get("chan.Seed"), "chan's own options after the file are still options");
        assertEquals("2", cl.options().get("chan.Cores"));
        assertEquals(List.of("--verbose"), CommandLine.parse(new String[] {"-", "--verbose"}).programArgs(), "as after a file");
        assertEquals(List.of("--verbose"), CommandLine.parse(new String[] {"bench", "prog.chan", "--verbose"}).programArgs());
    }

    @Test
    void unknownOptionsBeforeTheFileAndMissingValuesAreUsageErrors() {
        assertEquals("unknown option --bogus", usageError("--bogus", "prog.chan"));
        assertEquals("unknown option --foo=1", usageError("--foo=1", "prog.chan"));
        assertEquals("unknown option --inspectx", usageError("--inspectx", "prog.chan"));
        assertEquals("--cores needs a value",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--cores"})).getMessage());
    }

    private static String usageError(String... args) {
        return assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(args)).getMessage();
    }

    @Test
    void helpAfterTheFileIsTheProgramsWord() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"prog.chan", "-v", "-h", "--help"});
        assertEquals(CommandLine.Command.RUN, cl.command());
        assertEquals(List.of("-v", "-h", "--help"), cl.programArgs());
        assertEquals(CommandLine.Command.HELP, CommandLine.parse(new String[] {"-h"}).command());
        assertEquals(CommandLine.Command.HELP, CommandLine.parse(new String[] {"--help", "prog.chan"}).command());
    }

    @Test
    void aDoubleDashBeforeTheFileComesBeforeTheFile() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"--stats", "--", "-odd-name.chan", "--cores", "a"});
        assertEquals(CommandLine.Command.RUN, cl.command());
        assertEquals("-odd-name.chan", cl.file());
        assertEquals(List.of("--cores", "a"), cl.programArgs());
        assertEquals("-- must be followed by the program", usageError("--stats", "--"));
    }

    @Test
    void aDashAloneIsTheProgramOnStandardInputWithOptionsAndArgumentsAsForAFile() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"--seed", "3", "-", "a", "--stats", "-", "--", "--cores"});
        assertTrue(cl.programOnStdin());
        assertEquals(List.of("a", "-", "--cores"), cl.programArgs());
        assertEquals("3", cl.options().get("chan.Seed"));
        assertEquals("true", cl.options().get("chan.Stats"));
        assertTrue(CommandLine.parse(new String[] {"--", "-", "a"}).programOnStdin(), "as `python -- -`");
        assertFalse(CommandLine.parse(new String[] {"./-"}).programOnStdin(), "a file named - is ./-");
        assertFalse(CommandLine.parse(new String[] {"prog.chan", "-"}).programOnStdin(), "after the file, - is the program's word");
        assertEquals("bench times a program file: it does not read one from standard input", usageError("bench", "-"));
    }

    /** `--stats=yes` after the file was the program's argument, and the run went on without stats. */
    @Test
    void aFlagGivenAValueIsAUsageErrorBeforeOrAfterTheFile() throws Exception {
        assertEquals("--stats takes no value, got --stats=yes", usageError("prog.chan", "--stats=yes"));
        assertEquals("--warn-leaks takes no value, got --warn-leaks=", usageError("--warn-leaks=", "prog.chan"));
        assertEquals("--internal-errors takes no value, got --internal-errors=1", usageError("prog.chan", "a", "--internal-errors=1"));
        assertEquals("5", CommandLine.parse(new String[] {"prog.chan", "--seed=5", "--cores=4"}).options().get("chan.Seed"));
        CommandLine afterDashes = CommandLine.parse(new String[] {"prog.chan", "--", "--stats=yes"});
        assertEquals(List.of("--stats=yes"), afterDashes.programArgs(), "after -- every word is the program's");
    }

    @Test
    void aSingleDashWordBeforeTheFileIsAnUnknownOption() {
        assertEquals("unknown option -x", usageError("-x", "prog.chan"));
    }

    @Test
    void aValueMustNotBeAnotherOptionOrEmpty() {
        assertEquals("--trace needs a value", usageError("prog.chan", "--trace", "--stats"));
        assertEquals("--machine needs a value", usageError("prog.chan", "--machine", ""));
        assertEquals("--cores takes a number from 1 to 1024, got 99999999999999999999",
                        usageError("prog.chan", "--cores", "99999999999999999999"));
    }

    /** It wrote a file named `-`, where a user of `chan -` would look for standard output. */
    @Test
    void aTraceIsNotWrittenToAFileNamedDash() {
        String expected = "--trace takes a file name, got '-' (standard output is the program's: write the trace to a file, or to /dev/stderr)";
        assertEquals(expected, usageError("prog.chan", "--trace", "-"));
        assertEquals(expected, usageError("--trace=-", "prog.chan"));
    }

    /** docs/language.md §6: as Go's flag package, the last of a repeated option counts; a seed may be negative. */
    @Test
    void anOptionGivenTwiceTakesItsLastValue() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"--seed", "1", "--cores=2", "prog.chan", "--seed", "-2", "--cores", "3"});
        assertEquals("-2", cl.options().get("chan.Seed"));
        assertEquals("3", cl.options().get("chan.Cores"));
        assertEquals(List.of(), cl.programArgs());
    }

    /** 0 said "a positive number", -1 and 1.5 "a number from 1 to 1024", and 1025 came from the runtime with no hint. */
    @Test
    void aCountOutOfItsRangeSaysTheRange() {
        assertEquals("--cores takes a number from 1 to 1024, got 0", usageError("prog.chan", "--cores", "0"));
        assertEquals("--cores takes a number from 1 to 1024, got -1", usageError("prog.chan", "--cores", "-1"));
        assertEquals("--cores takes a number from 1 to 1024, got 1025", usageError("prog.chan", "--cores", "1025"));
        assertEquals("--cores takes a number from 1 to 1024, got '1.5'", usageError("prog.chan", "--cores=1.5"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got 0", usageError("prog.chan", "--max-depth", "0"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got -3", usageError("prog.chan", "--max-depth=-3"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got 'deep'", usageError("--max-depth", "deep", "prog.chan"));
    }

    /**
     * `--seed +5` was taken and `--cores +4` refused. Every numeric option now reads a number as Go's
     * flag package and Long.parseLong do, a leading `+` a sign, decimal only, and hands it on plain.
     */
    @Test
    void everyNumericOptionTakesAPlusSignAlike() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"prog.chan", "--seed", "+5", "--cores=+4", "--max-depth", "+50"});
        assertEquals("5", cl.options().get("chan.Seed"));
        assertEquals("4", cl.options().get("chan.Cores"));
        assertEquals("50", cl.options().get("chan.MaxDepth"));
        assertEquals("7", CommandLine.parse(new String[] {"prog.chan", "--cores", "007"}).options().get("chan.Cores"), "decimal, not octal");
        assertEquals("-9223372036854775808", CommandLine.parse(new String[] {"prog.chan", "--seed=-9223372036854775808"}).options().get("chan.Seed"));
        assertEquals("--seed takes a 64-bit number, got +9223372036854775808, which is out of range", usageError("prog.chan", "--seed", "+9223372036854775808"));
        for (String option : new String[] {"--seed", "--cores", "--max-depth"}) {
            String range = option.equals("--seed") ? "takes a number, got " : option.equals("--cores") ? "takes a number from 1 to 1024, got "
                            : "takes a number from 1 to 10000000, got ";
            // the last, an Arabic-Indic four, is a digit to Long.parseLong, not to us
            for (String bad : new String[] {"+", "++4", "+-4", "0x10", "1_000", " 4", "4 ", "4.0", "\u0664"}) {
                assertEquals(option + " " + range + "'" + bad + "'", usageError("prog.chan", option, bad), option + " " + bad);
            }
        }
        assertEquals("--cores takes a number from 1 to 1024, got +0", usageError("prog.chan", "--cores", "+0"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got +10000001", usageError("prog.chan", "--max-depth=+10000001"));
    }

    /** chan bench's RUNS is a number as the options' are: `+3` is three runs, not the program's first argument. */
    @Test
    void benchRunsTakesAPlusSignAndRefusesANegativeNumber() {
        chan.testing.RunChan negative = chan.testing.RunChan.run("bench", "examples/hello.chan", "-3");
        assertEquals(2, negative.exit(), negative.err());
        assertEquals("chan bench: RUNS takes a number from 1 to 999999, got -3\n", negative.err());
        chan.testing.RunChan huge = chan.testing.RunChan.run("bench", "examples/hello.chan", "+1000000");
        assertEquals("chan bench: RUNS takes a number from 1 to 999999, got +1000000\n", huge.err());
        chan.testing.RunChan plus = chan.testing.RunChan.run("bench", "examples/hello.chan", "+1");
        assertEquals(0, plus.exit(), plus.err());
        assertTrue(plus.out().startsWith("examples/hello.chan: 1 run, with no warm-up (RUNS 1)"), plus.out());
    }

    @Test
    void maxDepthHasAnUpperBound() throws Exception {
        assertEquals("10000000", CommandLine.parse(new String[] {"prog.chan", "--max-depth", "10000000"}).options().get("chan.MaxDepth"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got 10000001", usageError("prog.chan", "--max-depth", "10000001"));
        assertEquals("--max-depth takes a number from 1 to 10000000, got 100000000000", usageError("prog.chan", "--max-depth", "100000000000"));
    }

    @Test
    void testTakesOneDirectoryAnywhereAndNoOptions() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"test", "suite"});
        assertEquals(CommandLine.Command.TEST, cl.command());
        assertEquals("suite", cl.file());
        assertEquals("test takes one directory, got suite and extra", usageError("test", "suite", "extra"));
        String noOptions = "test runs each program with the options of its own '//! args' line, not the command line's";
        assertEquals(noOptions, usageError("test", "suite", "--cores", "2"));
        assertEquals(noOptions, usageError("test", "--cores", "2", "suite"));
    }

    @Test
    void replTakesNoProgram() {
        assertEquals("repl takes no program (load one in the session with :load prog.chan)", usageError("repl", "prog.chan"));
    }

    /** They did nothing in a session; and `chan --trace prog.chan`, the program taken for the trace file, started one. */
    @Test
    void theReplRefusesTheOptionsOfAProgramRunItHasCommandsFor() throws Exception {
        String trace = "--trace is for a program run (chan PROGRAM --trace FILE); in the REPL, :trace FILE";
        assertEquals(trace, usageError("repl", "--trace", "t.json"));
        assertEquals(trace, usageError("--trace", "prog.chan"));
        assertEquals("--stats is for a program run; in the REPL, :stats", usageError("--stats"));
        assertEquals("--warn-leaks is for a program run; in the REPL, :threads shows where each thread is blocked",
                        usageError("repl", "--warn-leaks"));
        CommandLine machine = CommandLine.parse(new String[] {"repl", "--cores", "2", "--seed", "3", "--max-depth", "50", "--path", "lib"});
        assertEquals(CommandLine.Command.REPL, machine.command(), "the options the session uses are taken");
    }

    @Test
    void aTraceOntoTheProgramAndAnEmptyFileNameAreRefused() {
        chan.testing.RunChan onProgram = chan.testing.RunChan.run("examples/hello.chan", "--trace", "examples/hello.chan");
        assertEquals(2, onProgram.exit(), onProgram.err());
        assertEquals("chan: --trace examples/hello.chan would overwrite the program\n", onProgram.err());
        chan.testing.RunChan empty = chan.testing.RunChan.run("");
        assertEquals(2, empty.exit(), empty.err());
        assertEquals("chan: the program's file name is empty\n", empty.err());
    }

    /**
     * `--machine m.machine --trace m.machine` read the machine file and then overwrote it with the trace,
     * as `--trace` onto the program is refused for; and a trace file's name went raw into its errors,
     * where a newline in it split the one-line message.
     */
    @Test
    void aTraceOntoTheMachineFileIsRefusedAndATraceNameIsWrittenOut() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("chan-trace");
        java.nio.file.Path machine = java.nio.file.Files.writeString(dir.resolve("m.machine"), "cores-per-package 2\nlatency same-package 5\n");
        chan.testing.RunChan onMachine = chan.testing.RunChan.run("examples/hello.chan", "--machine", machine.toString(), "--trace", machine.toString());
        assertEquals("chan: --trace " + machine + " would overwrite the machine file\n", onMachine.err());
        assertEquals(2, onMachine.exit(), onMachine.err());
        assertEquals("cores-per-package 2\nlatency same-package 5\n", java.nio.file.Files.readString(machine));
        chan.testing.RunChan newline = chan.testing.RunChan.run("examples/hello.chan", "--trace", dir + "/no\ndir/t.json");
        assertEquals("chan: cannot write trace file " + dir + "/no\\ndir/t.json: no such directory\n", newline.err());
        assertEquals(2, newline.exit(), newline.err());
        java.nio.file.Path tab = java.nio.file.Files.createDirectory(dir.resolve("a\tb"));
        chan.testing.RunChan inAFile = chan.testing.RunChan.run("examples/hello.chan", "--trace", machine + "/t.json");
        assertEquals("chan: cannot write trace file " + machine + "/t.json: " + machine + " is not a directory\n", inAFile.err());
        chan.testing.RunChan onADirectory = chan.testing.RunChan.run("examples/hello.chan", "--trace", tab.toString());
        assertEquals("chan: cannot write trace file " + dir + "/a\\tb: it is a directory\n", onADirectory.err());
        java.nio.file.Path program = java.nio.file.Files.writeString(dir.resolve("p\tq.chan"), "print(1);\n");
        chan.testing.RunChan onProgram = chan.testing.RunChan.run(program.toString(), "--trace", program.toString());
        assertEquals("chan: --trace " + dir + "/p\\tq.chan would overwrite the program\n", onProgram.err());
    }

    /** `--trace` onto a named pipe that no process reads waited for ever; now exit 2 at once, and nothing runs. */
    @Test
    void aTraceOntoAFifoWithoutAReaderIsRefused() throws Exception {
        java.nio.file.Path fifo = java.nio.file.Files.createTempDirectory("chan-trace").resolve("t.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        chan.testing.RunChan run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> chan.testing.RunChan.run("examples/hello.chan", "--trace", fifo.toString()));
        assertEquals("chan: cannot write trace file " + fifo + ": it is a FIFO that no process reads\n", run.err());
        assertEquals("", run.out());
        assertEquals(2, run.exit(), run.err());
    }

    @Test
    void benchRunsOutOfRangeAndAMissingTestDirectoryAreErrors() {
        chan.testing.RunChan zero = chan.testing.RunChan.run("bench", "examples/hello.chan", "0");
        assertEquals(2, zero.exit(), zero.err());
        assertEquals("chan bench: RUNS takes a number from 1 to 999999, got 0\n", zero.err());
        chan.testing.RunChan missing = chan.testing.RunChan.run("test", "no/such/dir");
        assertEquals(2, missing.exit(), missing.err());
        assertEquals("chan test: not a directory or a .chan program: no/such/dir\n", missing.err());
    }

    @Test
    void aMisspeltToolOptionIsAUsageErrorToo() {
        // --inspect.… and --cpusampler.… go to Truffle's tools, which know their own options.
        chan.testing.RunChan r = chan.testing.RunChan.run("examples/hello.chan", "--cpusampler.Bogus=1");
        assertEquals(2, r.exit(), r.err());
        assertEquals("chan: unknown option --cpusampler.Bogus", r.err().lines().findFirst().orElse(""));
        assertEquals("", r.out());
    }

    /** A tool other launchers have that this one cannot offer says why, before or after the file, instead of 'unknown option'. */
    @Test
    void aToolThatIsNotAvailableSaysWhy() throws CommandLine.UsageError {
        for (String[] args : new String[][] {{"--coverage", "prog.chan"}, {"prog.chan", "--coverage.Output=lcov"}}) {
            assertEquals("--coverage is not available: GraalVM 25 has no coverage tool (--cputracer counts how often each function ran)",
                            assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(args)).getMessage());
        }
        assertTrue(assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"--memtracer", "prog.chan"}))
                        .getMessage().startsWith("--memtracer is not available: Chan does not report its allocations"));
        assertEquals(Map.of("dap", "4711"), CommandLine.parse(new String[] {"--dap=4711", "prog.chan"}).toolOptions());
        assertEquals(Map.of("cputracer", "true"), CommandLine.parse(new String[] {"prog.chan", "--cputracer"}).toolOptions());
    }

    /** The dozen lines of the usage followed every usage error and buried the one that said what was wrong. */
    @Test
    void aUsageErrorIsOneLineAndAHintNotTheWholeUsage() {
        chan.testing.RunChan bad = chan.testing.RunChan.run("--cores", "abc", "examples/hello.chan");
        assertEquals(2, bad.exit(), bad.err());
        assertEquals("chan: --cores takes a number from 1 to 1024, got 'abc'\nTry 'chan --help' for the usage.\n", bad.err());
        chan.testing.RunChan tool = chan.testing.RunChan.run("examples/hello.chan", "--cpusampler.Bogus=1");
        assertEquals("chan: unknown option --cpusampler.Bogus\nTry 'chan --help' for the usage.\n", tool.err());
        chan.testing.RunChan help = chan.testing.RunChan.run("--help");
        assertEquals(0, help.exit(), help.err());
        assertEquals(CommandLine.USAGE + "\n", help.out(), "--help still prints the whole usage");
    }

    /** `--version` names Chan's release (the Maven project's), the Truffle the build took, the JVM, and whether the JIT is on. */
    @Test
    void versionSaysWhichChanTruffleAndJavaRun() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher project = java.util.regex.Pattern.compile("<version>([0-9.]+)-SNAPSHOT</version>").matcher(pom);
        java.util.regex.Matcher graal = java.util.regex.Pattern.compile("<graalvm.version>([0-9.]+)</graalvm.version>").matcher(pom);
        assertTrue(project.find() && graal.find(), "the versions in pom.xml");
        chan.testing.RunChan r = chan.testing.RunChan.run("--version");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("chan " + project.group(1) + " (language contract v1)", lines.get(0));
        assertTrue(lines.get(1).matches("runtime: .+ \\(JIT (NOT )?active\\), Truffle " + java.util.regex.Pattern.quote(graal.group(1))), lines.get(1));
        assertEquals("java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")", lines.get(2));
        chan.testing.RunChan after = chan.testing.RunChan.run(new java.io.ByteArrayInputStream("print(args());\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "-", "--version");
        assertEquals("[\"--version\"]\n", after.out(), "after the file it is the program's, as --help is");
    }

    @Test
    void aRunGetsTheUnknownOptionsAfterItsFileAsArguments() {
        var program = "print(args());\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        chan.testing.RunChan r = chan.testing.RunChan.run(new java.io.ByteArrayInputStream(program), "-", "--verbose", "--seed", "3", "--foo=1", "x");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[\"--verbose\", \"--foo=1\", \"x\"]\n", r.out());
        chan.testing.RunChan before = chan.testing.RunChan.run("--verbose", "examples/hello.chan");
        assertEquals(2, before.exit(), before.err());
        assertEquals("chan: unknown option --verbose", before.err().lines().findFirst().orElse(""));
    }

    @Test
    void benchWithoutAProgramIsAUsageError() throws Exception {
        assertEquals("bench needs a program: chan bench FILE.chan [RUNS] [args…]",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"bench", "--cores", "2"})).getMessage());
        assertEquals("prog.chan", CommandLine.parse(new String[] {"bench", "prog.chan", "5"}).file());
    }

    @Test
    void aBaselineIsAnOptionOfBenchAlone() throws Exception {
        CommandLine cl = CommandLine.parse(new String[] {"bench", "prog.chan", "5", "100", "--baseline", "awfy.Bounce", "--baseline-path", "out"});
        assertEquals("awfy.Bounce", cl.baseline());
        assertEquals("out", cl.baselinePath());
        assertEquals("awfy.List", CommandLine.parse(new String[] {"bench", "prog.chan", "--baseline=awfy.List"}).baseline(),
                        "the `=` form, as for the other valued options");
        assertEquals(List.of("5", "100"), cl.programArgs());
        assertEquals(List.of(), List.copyOf(cl.options().keySet()), "not an option of the program's context");
        assertEquals("--baseline is an option of chan bench",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--baseline", "X"})).getMessage());
        assertEquals("--baseline-path needs --baseline CLASS",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"bench", "prog.chan", "--baseline-path", "out"}))
                                        .getMessage());
        assertEquals("--baseline needs a value",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"bench", "prog.chan", "--baseline"})).getMessage());
    }
}
