package chan.runtime;

/**
 * A unique sentinel object ({@link Scheduler#BLOCK}, {@link Channel#DONE}, {@link Channel#CLOSED}),
 * compared by identity. Its name shows up in debuggers and test failures.
 */
final class Marker {
    private final String name;

    Marker(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
