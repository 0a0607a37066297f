package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
        assertEquals("--cores takes a number, got 'x'", bad.getMessage());
        var huge = assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--seed", "99999999999999999999"}));
        assertEquals("--seed takes a 64-bit number, got 99999999999999999999, which is out of range", huge.getMessage());
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        assertEquals("unknown option --bogus",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--bogus"})).getMessage());
        assertEquals("--cores needs a value",
                        assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(new String[] {"prog.chan", "--cores"})).getMessage());
    }

    @Test
    void aMisspeltToolOptionIsAUsageErrorToo() {
        // --inspect… and --cpusampler… go to Truffle's tools, which know their own options.
        chan.testing.RunChan r = chan.testing.RunChan.run("examples/hello.chan", "--inspectx");
        assertEquals(2, r.exit(), r.err());
        assertEquals("chan: unknown option --inspectx", r.err().lines().findFirst().orElse(""));
        assertEquals("", r.out());
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
