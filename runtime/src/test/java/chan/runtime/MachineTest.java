package chan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machines: the presets' shapes and latencies, --cores, machine files and their errors. */
class MachineTest {
    @TempDir
    Path dir;

    @Test
    void amd8x4FollowsTheHotOsTableWithACubeOfPackages() {
        Machine m = Machine.preset("amd-8x4");
        assertEquals(32, m.cores());
        assertEquals(8, m.packages());
        assertEquals(1, m.packageOf(4));
        assertEquals(7, m.packageOf(31));
        assertEquals(2, m.latency(5, 5));
        assertEquals(75, m.latency(0, 3));
        assertEquals(190, m.latency(0, 4)); // package 1: one hop
        assertEquals(260, m.latency(0, 12)); // package 3: two hops
        assertEquals(330, m.latency(0, 28)); // package 7: three hops, +70
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) assertEquals(m.latency(i, j), m.latency(j, i));
        }
    }

    @Test
    void theOtherPresetsHaveThePapersShapes() {
        Machine a44 = Machine.preset("amd-4x4");
        assertEquals(16, a44.cores());
        assertEquals(4, a44.packages());
        assertEquals(62, a44.latency(0, 1));
        assertEquals(169, a44.latency(0, 4));
        assertEquals(235, a44.latency(0, 12)); // the diagonal of the square
        Machine a22 = Machine.preset("amd-2x2");
        assertEquals(4, a22.cores());
        assertEquals(63, a22.latency(0, 1));
        assertEquals(165, a22.latency(1, 2));
        Machine intel = Machine.preset("intel-2x4");
        assertEquals(8, intel.cores());
        assertEquals(2, intel.packages());
        assertEquals(25, intel.latency(0, 1)); // shared L2
        assertEquals(177, intel.latency(0, 2)); // other die, same package
        assertEquals(177, intel.latency(0, 7));
        Machine u = Machine.preset("uniform");
        assertEquals(4, u.cores());
        assertEquals(75, u.latency(0, 3));
    }

    @Test
    void coresTakesTheFirstNCoresOrMakesNUniformOnes() {
        assertEquals(64, Machine.preset("uniform", 64).cores());
        Machine m = Machine.preset("amd-8x4", 6);
        assertEquals(6, m.cores());
        assertEquals(2, m.packages());
        assertEquals(190, m.latency(0, 5));
        assertEquals("machine amd-2x2 has 4 cores; cannot use 5",
                assertThrows(MachineException.class, () -> Machine.preset("amd-2x2", 5)).getMessage());
        assertThrows(MachineException.class, () -> Machine.preset("amd-2x2", 0));
        assertThrows(MachineException.class, () -> Machine.preset("uniform", 0));
        assertThrows(MachineException.class, () -> Machine.preset("uniform", Machine.MAX_CORES + 1));
    }

    @Test
    void unknownNamesAndBadCoreNumbersAreClearErrors() {
        assertEquals("unknown machine 'foo' (known: uniform, amd-8x4, amd-4x4, amd-2x2, intel-2x4; or a machine file)",
                assertThrows(MachineException.class, () -> Machine.resolve("foo", null)).getMessage());
        assertEquals("core 4 out of range 0..3 on machine uniform",
                assertThrows(MachineException.class, () -> Machine.preset("uniform").latency(0, 4)).getMessage());
        assertThrows(MachineException.class, () -> Machine.preset("uniform").packageOf(-1));
    }

    @Test
    void resolveTakesPresetsFilesAndTheDefault() throws IOException {
        assertEquals("uniform", Machine.resolve(null, null).name());
        assertEquals(8, Machine.resolve(null, 8).cores());
        assertEquals(16, Machine.resolve("amd-4x4", null).cores());
        Path f = write("two.machine", "packages 2\ncores-per-package 2\nlatency same-package 40\nlatency hop 100\n");
        Machine m = Machine.resolve(f.toString(), 3);
        assertEquals("two", m.name());
        assertEquals(3, m.cores());
        assertEquals(100, m.latency(0, 2));
    }

    @Test
    void aMachineFileSupportsDiesLinksExtraHopsAndOverrides() throws IOException {
        Machine m = Machine.load(write("x.machine", """
                # a line of four packages
                name line
                packages 4
                cores-per-package 4
                dies-per-package 2
                latency same-core 3
                latency same-die 10
                latency same-package 50
                latency hop 100 150   # one and two hops
                latency extra-hop 25
                link 0 1
                link 1 2
                link 2 3
                latency cores 0 15 999
                """));
        assertEquals("line", m.name());
        assertEquals(3, m.latency(0, 0));
        assertEquals(10, m.latency(0, 1));
        assertEquals(50, m.latency(0, 2));
        assertEquals(100, m.latency(0, 4));
        assertEquals(150, m.latency(0, 8));
        assertEquals(175, m.latency(0, 12));
        assertEquals(999, m.latency(15, 0));
    }

    @Test
    void machineFileErrorsNameTheFileAndLine() throws IOException {
        assertError("a.machine:2:1: unknown directive 'cpus' (expected name, packages, cores-per-package, dies-per-package, latency, link)\n  cpus 4\n  ^",
                "a.machine", "packages 1\ncpus 4\n");
        assertError("b.machine:1:19: expected a non-negative number, found 'four'\n  cores-per-package four\n                    ^", "b.machine", "cores-per-package four\n");
        assertError("c.machine: missing 'cores-per-package'", "c.machine", "packages 2\n");
        assertError("d.machine: missing 'latency hop' (the machine has 2 packages)", "d.machine",
                "packages 2\ncores-per-package 1\n");
        assertError("e.machine:4:8: no package 5 (packages are 0..1)\n  link 0 5\n         ^", "e.machine",
                "packages 2\ncores-per-package 1\nlatency hop 9\nlink 0 5\n");
        assertError("f.machine: packages 0 and 2 are not connected by links", "f.machine",
                "packages 3\ncores-per-package 1\nlatency hop 9\nlink 0 1\n");
        assertError("g.machine:3:9: unknown latency kind 'l3' (expected same-core, same-die, same-package, hop, extra-hop, cores)\n  latency l3 75\n          ^",
                "g.machine", "cores-per-package 2\nlatency same-package 5\nlatency l3 75\n");
        assertError("i.machine:3:21: no core 9 (cores are 0..1)\n  latency cores 0 9 5   # indented, with a comment\n                  ^", "i.machine",
                "cores-per-package 2\nlatency same-package 5\n    latency cores 0 9 5   # indented, with a comment\n");
        assertError("h.machine:1:1: 'packages' takes 1 value, got 2\n  packages 2 3\n  ^", "h.machine", "packages 2 3\n");
        assertError("j.machine:2:1: 'latency cores' takes 3 values, got 2\n  latency cores 0 1\n  ^", "j.machine",
                "cores-per-package 2\nlatency cores 0 1\n");
        assertError("k.machine:1:1: 'name' takes 1 value, got 0\n  name\n  ^", "k.machine", "name\n");
        Path missing = dir.resolve("nope.machine");
        assertEquals("cannot read machine file " + missing + ": no such file",
                assertThrows(MachineException.class, () -> Machine.load(missing)).getMessage());
    }

    /** It went raw into the --stats header, where a control character acts on the terminal. */
    @Test
    void aNameWithAnInvisibleCharacterIsAnError() throws IOException {
        assertError("v.machine:1:6: a machine's name may not hold invisible characters, got 'box\\eU+001B'\n  name box\\eU+001B\n       ^", "v.machine",
                "name box\\e\u001b\ncores-per-package 1\n");
    }

    /**
     * With no `name`, the machine is named after its file, whose name may hold what a `name` may not: it
     * went raw into the --stats header and errors, where an escape character acts on the terminal.
     */
    @Test
    void aNameTakenFromTheFileNameIsWrittenOut() throws IOException {
        Machine m = Machine.load(write("box\u001b[2J.machine", "cores-per-package 1\n"));
        assertEquals("boxU+001B[2J", m.name());
        assertEquals("machine boxU+001B[2J has 1 core; cannot use 2", assertThrows(MachineException.class, () -> m.firstCores(2)).getMessage());
        // the name of the trace's process
        assertEquals("boxU+001B[2J (1 core)", m.toString());
        assertEquals("uniform (4 cores)", Machine.preset("uniform").toString());
    }

    /** Dies that do not split a package evenly were an error naming the file alone; it is the line of the dies. */
    @Test
    void diesThatDoNotSplitAPackageAreAnErrorAtTheirLine() throws IOException {
        assertError("d.machine:3:19: dies-per-package 2 does not divide cores-per-package 3\n  dies-per-package  2\n                    ^", "d.machine",
                "cores-per-package 3\nlatency same-package 5\ndies-per-package  2\n");
    }

    /** `link 0 0` was taken, joined nothing, and the file then failed as "packages 0 and 1 are not connected". */
    @Test
    void aLinkOfAPackageToItselfIsAnErrorAtItsLine() throws IOException {
        assertError("s.machine:4:8: a link joins two different packages, got 'link 0 0'\n  link 0 0\n         ^", "s.machine",
                "packages 2\ncores-per-package 1\nlatency hop 10\nlink 0 0\n");
    }

    /** The caret stood under the directive whichever of its values was wrong; it stands under that value. */
    @Test
    void aBadValueIsPointedAtWhereverItStands() throws IOException {
        assertError("h.machine:3:17: expected a non-negative number, found 'x'\n  latency hop 190 x 260\n                  ^", "h.machine",
                "packages 2\ncores-per-package 1\nlatency hop 190 x 260\n");
        assertError("c.machine:3:19: expected a non-negative number, found '-5'\n  latency cores 0 1 -5   # a comment\n  " + " ".repeat(18) + "^",
                "c.machine", "packages 1\ncores-per-package 2\nlatency cores 0 1 -5   # a comment\n");
        // Indented, and a tab before the value: the shown line starts at the directive and writes the tab as one space.
        assertError("t.machine:1:12: expected a positive number, found '0'\n  packages 0\n  " + " ".repeat(9) + "^", "t.machine", "  packages\t0\n");
    }

    @Test
    void aCoreCountPastAnIntIsTooManyCoresNotAWrappedOne() throws IOException {
        assertError("n.machine: 2147483650 cores; at most 1024 are supported", "n.machine",
                "packages 2\ncores-per-package 1073741825\nlatency same-package 5\nlatency hop 9\n");
        assertError("w.machine: 4294967300 cores; at most 1024 are supported", "w.machine",
                "packages 4\ncores-per-package 1073741825\nlatency same-package 5\nlatency hop 9\n");
        // 65536 × 65536 wraps to 0; the hop table alone would be 65536² ints.
        assertError("z.machine: 4294967296 cores; at most 1024 are supported", "z.machine",
                "packages 65536\ncores-per-package 65536\nlatency same-package 5\nlatency hop 9\n");
        // Three hops: two past the one listed, each 2^30 cycles more: a latency past an int, not a negative one.
        assertError("x.machine: 3 hops take 2147483649 cycles; at most 2147483647 are supported", "x.machine",
                "packages 4\ncores-per-package 1\nlatency hop 1\nlatency extra-hop 1073741824\nlink 0 1\nlink 1 2\nlink 2 3\n");
    }

    @Test
    void aDeviceIsNotAMachineFile() {
        // Read, /dev/zero would never end; /dev/null would be an empty file's 'missing' error.
        for (String device : new String[] {"/dev/zero", "/dev/null"}) {
            assertEquals("cannot read machine file " + device + ": not a regular file",
                    assertThrows(MachineException.class, () -> Machine.resolve(device, null)).getMessage());
        }
    }

    @Test
    void numbersAreAsciiDigits() throws IOException {
        assertError("u.machine:1:19: expected a non-negative number, found '\u0664'\n  cores-per-package \u0664\n                    ^", "u.machine", "cores-per-package \u0664\n");
        assertError("p.machine:1:19: expected a non-negative number, found '+4'\n  cores-per-package +4\n                    ^", "p.machine", "cores-per-package +4\n");
        assertError("l.machine:1:19: number too large: 2_147_483_648 (at most 2147483647)\n  cores-per-package 2_147_483_648\n                    ^", "l.machine", "cores-per-package 2_147_483_648\n");
        assertEquals(1000, Machine.load(write("k.machine", "cores-per-package 1_000\nlatency same-package 5\n")).cores());
    }

    @Test
    void aByteOrderMarkFirstIsSkipped() throws IOException {
        assertEquals(2, Machine.load(write("bom.machine", "\uFEFFcores-per-package 2\nlatency same-package 5\n")).cores());
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Path f = dir.resolve("bin.machine");
        Files.write(f, new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', 's', ' ', '1', '\n', (byte) 0xff, '\n'});
        assertEquals("bin.machine:2: the file is not UTF-8: byte 0xFF cannot start or continue a character here",
                assertThrows(MachineException.class, () -> Machine.load(f)).getMessage().replace(dir + "/", ""));
    }

    /** LF, CRLF and a lone CR (old Mac) each end a line: a CR-only file was one line, its errors all on line 1. */
    @Test
    void everyLineEndingEndsALine() throws IOException {
        for (String end : new String[] {"\n", "\r\n", "\r"}) {
            String name = end.replace("\r", "cr").replace("\n", "lf") + ".machine";
            Machine m = Machine.load(write(name, String.join(end, "name two", "packages 2  # a comment",
                            "cores-per-package 2", "latency same-package 20", "latency hop 40", "link 0 1", "")));
            assertEquals("two", m.name());
            assertEquals(4, m.cores());
            assertEquals(40, m.latency(0, 2));
            assertError(name + ":3:1: unknown directive 'cpus' (expected name, packages, cores-per-package, dies-per-package, latency, link)\n  cpus 4\n  ^",
                            name, String.join(end, "packages 1", "", "cpus 4", ""));
            Path bad = dir.resolve("bad-" + name);
            Files.write(bad, ("packages 1" + end + end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.write(bad, new byte[] {(byte) 0xff}, java.nio.file.StandardOpenOption.APPEND);
            assertEquals("bad-" + name + ":3: the file is not UTF-8: byte 0xFF cannot start or continue a character here",
                            assertThrows(MachineException.class, () -> Machine.load(bad)).getMessage().replace(dir + "/", ""));
        }
    }

    @Test
    void invisibleCharactersInAWordAreWrittenOut() throws IOException {
        assertError("n.machine:1:19: expected a non-negative number, found '2\\0'\n  cores-per-package 2\\0\n                    ^", "n.machine", "cores-per-package 2\0\n");
        assertError("m.machine:2:1: unknown directive 'U+FEFFpackages' (expected name, packages, cores-per-package, dies-per-package, latency, link)\n  U+FEFFpackages 1\n  ^",
                "m.machine", "cores-per-package 2\n\uFEFFpackages 1\n");
    }

    @Test
    void aDirectiveThatSetsOneValueComesOnce() throws IOException {
        assertError("d.machine:3:1: 'cores-per-package' given twice (first on line 1)\n  cores-per-package 3\n  ^", "d.machine",
                "cores-per-package 2\nlatency same-package 5\ncores-per-package 3\n");
        assertError("e.machine:4:1: 'latency same-package' given twice (first on line 2)\n  latency same-package 7\n  ^", "e.machine",
                "cores-per-package 2\nlatency same-package 5\n# a comment\nlatency same-package 7\n");
        // Links and pair overrides add one each: they repeat.
        Machine m = Machine.load(write("r.machine", "packages 3\ncores-per-package 1\nlatency hop 10\nlink 0 1\nlink 1 2\n"
                + "latency cores 0 1 5\nlatency cores 1 2 6\n"));
        assertEquals(6, m.latency(2, 1));
    }

    /**
     * Hop counts over a ring of 1 024 packages, a link each to the next (the search over the links
     * was cubic in the packages: ~3 s of CPU for this file): the farthest package is half the ring
     * away either way, and a link across the ring is a short cut.
     */
    @Test
    void hopsAreCountedOverALargeRingOfPackages() throws IOException {
        int packages = 1024;
        StringBuilder text = new StringBuilder("packages " + packages + "\ncores-per-package 1\nlatency hop 10\nlatency extra-hop 10\n");
        for (int i = 0; i < packages; i++) {
            text.append("link ").append(i).append(' ').append((i + 1) % packages).append('\n');
        }
        Machine ring = Machine.load(write("ring.machine", text.toString()));
        assertEquals(10, ring.latency(0, 1));
        assertEquals(10, ring.latency(0, packages - 1));
        assertEquals(10 * packages / 2, ring.latency(0, packages / 2));
        assertEquals(10 * 27, ring.latency(1000, 3)); // forward through 1023 and 0
        Machine across = Machine.load(write("across.machine", text + "link 0 512\n"));
        assertEquals(10, across.latency(0, 512));
        assertEquals(10 * 3, across.latency(1, 511)); // 1, 0, 512, 511
    }

    /**
     * A second override of the same pair of cores, in either order, silently replaced the first: the
     * slip that a repeated single-value directive is an error for.
     */
    @Test
    void aPairOfCoresIsOverriddenOnce() throws IOException {
        assertError("p.machine:4:1: latency of cores 1 and 0 given twice (first on line 3)\n  latency cores 1 0 9\n  ^", "p.machine",
                "cores-per-package 2\nlatency same-package 5\nlatency cores 0 1 7\nlatency cores 1 0 9\n");
        Machine m = Machine.load(write("q.machine", "cores-per-package 2\nlatency same-package 5\nlatency cores 0 0 1\nlatency cores 0 1 7\nlatency cores 1 1 1\n"));
        assertEquals(7, m.latency(1, 0));
        assertEquals(1, m.latency(1, 1));
    }

    /** A directory named as a machine file is refused in the words used for the program's file, not the OS's "Is a directory". */
    @Test
    void aDirectoryIsNotAMachineFile() {
        assertEquals("cannot read machine file " + dir + ": it is a directory",
                assertThrows(MachineException.class, () -> Machine.resolve(dir.toString(), null)).getMessage());
    }

    @Test
    void firstCoresOfTheWholeMachineIsTheMachine() {
        Machine m = Machine.preset("amd-2x2");
        assertSame(m, m.firstCores(4));
    }

    private void assertError(String expected, String name, String text) throws IOException {
        Path f = write(name, text);
        String message = assertThrows(MachineException.class, () -> Machine.load(f)).getMessage();
        assertEquals(expected, message.replace(dir.toString() + "/", ""));
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
