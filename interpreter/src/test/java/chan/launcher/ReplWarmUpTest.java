package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The REPL's warm-up (ReplWarmUp): it starts with the session and yields to it only when an input runs long. */
class ReplWarmUpTest {
    @Test
    void onlyAnInputThatHasRunLongMakesTheWarmUpYield() throws InterruptedException {
        ReplWarmUp events = new ReplWarmUp(Duration.ZERO);
        assertFalse(events.inputIsLong(), "no input yet");
        events.inputStarted();
        assertFalse(events.inputIsLong(), "an input that has just started");
        Thread.sleep(ReplWarmUp.LONG_INPUT.toMillis() + 50);
        assertTrue(events.inputIsLong(), "an input running for longer than " + ReplWarmUp.LONG_INPUT);
        events.inputEnded();
        assertFalse(events.inputIsLong(), "between inputs");
        events.inputStarted();
        assertFalse(events.inputIsLong(), "the next input, just started");
    }

    @Test
    void aWarmUpOfNoTimeStartsNothing() {
        ReplWarmUp events = new ReplWarmUp(Duration.ZERO);
        events.ready();
        assertNull(events.warmUp());
        events.stop(); // nothing to stop
    }

    /** The session is up: the warm-up starts; an input runs long: it ends, with its files, while the session goes on. */
    @Test
    void theWarmUpStartsWithTheSessionAndEndsAtALongInput() throws InterruptedException {
        ReplWarmUp events = new ReplWarmUp(Duration.ofMinutes(10)); // longer than any wait here: only the input ends it
        events.ready();
        try {
            Path dir = events.warmUp().directory();
            assertTrue(WarmUpTest.waitFor(() -> Files.exists(dir.resolve("warm-up-compile.chan"))), "the compiling warm-up did not start");
            events.inputStarted();
            events.inputEnded();
            Thread.sleep(500);
            assertTrue(Files.exists(dir), "a short input ended the warm-up");
            events.inputStarted();
            assertTrue(WarmUpTest.waitFor(() -> !Files.exists(dir)), "a long input did not end the warm-up");
            events.inputEnded();
        } finally {
            events.stop();
        }
    }
}
