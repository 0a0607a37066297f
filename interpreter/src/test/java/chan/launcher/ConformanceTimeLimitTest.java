package chan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A conformance program that outlives its time limit fails with "timed out", and is then stopped:
 * its interpreter thread must not go on running beside the cases after it.
 */
class ConformanceTimeLimitTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        // a loop that never ends in one thread
        "let n = 0;\nwhile (true) { n = n + 1; }\n",
        // threads that pass a message back and forth forever, on two cores
        "fn echo(c) { while (true) { c <- (<-c) + 1; } }\n"
                + "let c = chan();\nstart on (1) echo(c);\nwhile (true) { c <- 0; <-c; }\n",
        // virtual time that goes on forever: the scheduler runs timers, not guest loops, between steps
        "while (true) { sleep(1000); }\n",
    })
    void aProgramThatNeverEndsIsStoppedAfterItsLimit(String body) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("forever.chan"), "// never ends\n" + body);
        Files.writeString(dir.resolve("forever.out"), "");
        Set<Thread> before = interpreterThreads();

        Optional<ConformanceCase.Failure> failure = ConformanceCase.discover(dir).get(0).check(Duration.ofSeconds(1));

        assertTrue(failure.isPresent());
        assertEquals("timed out after 1 s", failure.get().summary());
        List<Thread> left = interpreterThreads().stream().filter(t -> !before.contains(t)).toList();
        assertEquals(List.of(), left, "the program's interpreter thread is still running");
    }

    private static Set<Thread> interpreterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("chan-main")).collect(Collectors.toSet());
    }
}
