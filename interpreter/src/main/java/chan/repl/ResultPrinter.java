package chan.repl;

import chan.values.ChanNil;
import chan.values.Display;
import java.io.PrintStream;

/**
 * Prints what an input gave: its value in display form, with strings quoted as inside a list
 * (`"hi"`, so that `"1"` and `1` look different), and nothing for nil; with `:time`, the virtual
 * cycles and the wall time, unless it never ran (its syntax or static errors are what `:time` shows).
 * Errors, deadlocks and interrupts were reported while the input ran.
 */
final class ResultPrinter {
    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    void print(InputResult result, boolean timed) {
        switch (result.kind()) {
            case VALUE -> {
                if (result.value() != null && result.value() != ChanNil.NIL) {
                    out.println(Display.repr(result.value()));
                }
            }
            case INTERRUPTED -> out.println("interrupted");
            default -> {
            }
        }
        if (timed && result.kind() != InputResult.Kind.NOT_COMPILED) {
            out.printf("time: %d cycles (virtual), %.3f ms (wall)%n", result.cycles(), result.wallNanos() / 1e6);
        }
        out.flush();
    }
}
