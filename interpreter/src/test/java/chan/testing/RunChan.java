package chan.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import chan.launcher.ChanMain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs `chan ARGS…` in this process, as the launcher would, and keeps what it printed. */
public record RunChan(int exit, String out, String err) {
    public static RunChan run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    /** The same, with {@code in} as its standard input. */
    public static RunChan run(InputStream in, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, UTF_8); PrintStream e = new PrintStream(err, true, UTF_8)) {
            exit = ChanMain.run(args, in, o, e);
        }
        return new RunChan(exit, out.toString(UTF_8), err.toString(UTF_8));
    }

    public static String[] args(String program, String... options) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }
}
