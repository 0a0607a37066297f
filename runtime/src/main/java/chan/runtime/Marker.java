package chan.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A unique sentinel object ({@link Scheduler#BLOCK}, {@link Channel#DONE}, {@link Channel#CLOSED}),
 * compared by identity. Its name shows up in debuggers and test failures; a tool that sees it as the
 * value of an operation checks that it is an interop object.
 */
final class Marker implements TruffleObject {
    private final String name;

    Marker(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
