package chan.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
        String os = osName();
        String arch = archName();
        if (os == null || arch == null) {
            return;
        }
        Path library = Path.of(home, "interpreter", "target", "truffleattach", "META-INF", "resources", "engine",
                        "libtruffleattach", os, arch, "bin", System.mapLibraryName("truffleattach"));
        if (Files.isRegularFile(library)) {
            System.setProperty(PROPERTY, library.toString());
        }
    }

    /** The operating system as truffle-api's jar names its directory, or null for one it has no library for. */
    private static String osName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        return null;
    }

    /** The processor as truffle-api's jar names its directory. */
    private static String archName() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
    }
}
