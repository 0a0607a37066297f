package chan.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command (`./chan …`, or a shell around it) run as a real process from the repository root, as a
 * user runs it, and what it left: its exit code and both streams.
 */
public record ChanProcess(int exit, String out, String err) {
    /** The script at the repository root, the tests' working directory. */
    public static final Path CHAN = Path.of("chan").toAbsolutePath();
    public static final long TIMEOUT_SECONDS = 300;

    public String describe() {
        return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /**
     * Runs {@code command} with {@code stdin} (or nothing) as its standard input and the environment
     * given added, its output and error in files of {@code dir}, and waits for it.
     */
    public static ChanProcess run(List<String> command, Path stdin, Map<String, String> environment, Path dir)
                    throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        var builder = new ProcessBuilder(command).directory(CHAN.getParent().toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput((stdin == null ? Path.of("/dev/null") : stdin).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new ChanProcess(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }
}
