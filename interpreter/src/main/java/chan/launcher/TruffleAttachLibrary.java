package chan.launcher;

import com.oracle.truffle.api.InternalResource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Truffle on the class path opens JDK internals to itself through a small native library,
 * `truffleattach`, which it ships inside truffle-api's jar. Unless told where the library is, every
 * run first looks it up in Truffle's resource cache (reading the jar's checksum of it and the cache
 * directory): ~10 ms of `./chan hello`'s main thread (bench/README.md, Start-up). The build unpacks
 * the library into interpreter/target/truffleattach (interpreter/pom.xml), and the launcher names it.
 */
final class TruffleAttachLibrary {
    /** Truffle's system property for the library's path. */
    private static final String PROPERTY = "truffle.attach.library";

    private TruffleAttachLibrary() {}

    /** Names the unpacked library for this platform, if ./chan gave its home and the build unpacked it. */
    static void useUnpacked() {
        String home = System.getProperty("chan.home");
        if (home == null || System.getProperty(PROPERTY) != null) {
            return;
        }
        String os;
        String arch;
        try {
            // Truffle's own names for the platform, the ones its jar's resource directories use.
            os = InternalResource.OS.getCurrent().toString();
            arch = InternalResource.CPUArchitecture.getCurrent().toString();
        } catch (RuntimeException | Error unsupported) {
            return; // a platform Truffle has no library for: left to Truffle, which says so
        }
        Path library = Path.of(home, "interpreter", "target", "truffleattach", "META-INF", "resources", "engine",
                        "libtruffleattach", os, arch, "bin", System.mapLibraryName("truffleattach"));
        if (Files.isRegularFile(library)) {
            System.setProperty(PROPERTY, library.toString());
        }
    }
}
