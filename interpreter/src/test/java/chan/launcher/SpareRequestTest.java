package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The request a run of `./chan` writes to a spare (SpareRequest), as bash's `printf '%s\0'` writes it. */
class SpareRequestTest {
    private static SpareRequest read(String fields) throws IOException, SpareRequest.Malformed {
        return SpareRequest.read(new ByteArrayInputStream(fields.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryFieldAndTheArgumentsAsGiven() throws Exception {
        SpareRequest r = read("3\0" + "4242\0" + "/proc/4242/fd/1\0" + "out\0" + "/proc/4242/fd/10\0" + "0\0" + "4\0" + "prog.chan\0"
                        + "two words\0" + "\0" + "caf\u00e9\0");
        assertEquals(4242, r.clientPid());
        assertEquals("/proc/4242/fd/1", r.output());
        assertEquals(SpareRequest.SAME_AS_OUTPUT, r.error());
        assertEquals("/proc/4242/fd/10", r.input());
        assertEquals(0, r.inputCopyPid());
        assertArrayEquals(new String[] {"prog.chan", "two words", "", "caf\u00e9"}, r.args());
    }

    /** The count ends the request: the FIFO stays open, and what follows is not read. */
    @Test
    void theCountTellsWhereTheRequestEnds() throws Exception {
        SpareRequest r = read("3\0" + "7\0" + "\0" + "\0" + "\0" + "8\0" + "1\0" + "a.chan\0" + "more\0");
        assertArrayEquals(new String[] {"a.chan"}, r.args());
        assertEquals("", r.output());
        assertEquals("", r.input());
        assertEquals(8, r.inputCopyPid());
    }

    @Test
    void aRequestCutShortOrOfAnotherVersionIsMalformed() {
        assertThrows(SpareRequest.Malformed.class, () -> read("3\0" + "7\0" + "\0" + "\0" + "\0" + "8\0" + "2\0" + "a.chan\0"));
        assertThrows(SpareRequest.Malformed.class, () -> read("3\0" + "7\0"));
        assertThrows(SpareRequest.Malformed.class, () -> read("3\0" + "seven\0" + "\0" + "\0" + "\0" + "8\0" + "0\0"));
        assertThrows(SpareRequest.Malformed.class, () -> read("3\0" + "7\0" + "\0" + "\0" + "\0" + "8\0" + "-1\0"));
        // Version 2 had one field more (whether the output is a terminal): a spare of this build
        // refuses it rather than misread it.
        assertThrows(SpareRequest.Malformed.class, () -> read("2\0" + "7\0" + "0\0" + "\0" + "\0" + "\0" + "8\0" + "1\0" + "a.chan\0"));
    }

    /** The REPL and `chan bench` go back to the script, whatever options come first; the rest run in the spare. */
    @Test
    void theSpareRunsProgramsAndTestsButNotTheReplOrBench() throws Exception {
        assertFalse(request("repl").runsHere());
        assertFalse(request("--cores", "2", "repl").runsHere());
        assertFalse(request("--seed", "1").runsHere()); // no file: the REPL
        assertFalse(request("bench", "x.chan", "3").runsHere());
        assertTrue(request("x.chan", "repl").runsHere()); // the program's argument
        assertTrue(request("test", "tests").runsHere());
        assertTrue(request("--cores", "x", "a.chan").runsHere()); // a usage error, said by the spare
    }

    private static SpareRequest request(String... args) {
        return new SpareRequest(1, "", "", "", 2, args);
    }
}
