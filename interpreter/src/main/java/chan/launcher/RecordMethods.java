package chan.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * A record's hashCode, equals and toString are linked at their first call (an invokedynamic that
 * ObjectMethods bootstraps from method handles), and the class cache cannot hold that linkage. The
 * engine's start hashes records of its own (its internal resource roots: a path, an enum and a list)
 * on chan-main; linking one record of the same shape on the helper thread first makes the method
 * handle forms those share, so chan-main's link finds them made (bench/README.md, Start-up).
 */
final class RecordMethods {
    private enum Kind { ONE }

    private record Shape(Path path, Kind kind, List<Object> items) {}

    private RecordMethods() {}

    static void link() {
        new Shape(Path.of(""), Kind.ONE, List.of()).hashCode();
    }
}
