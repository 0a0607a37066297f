package chan.runtime;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file could not be read or written, in words: the JDK's message for a missing or forbidden
 * file is only its path. (A missing file is "no such file"; writing, where it is the directory that
 * is missing, Trace says so itself.)
 */
public final class FileFailure {
    private FileFailure() {}

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    /**
     * Why a path the user gave is no path at all: Linux file names hold any byte but NUL, and Java
     * writes them in the locale's encoding, which under LANG=C cannot write a non-ASCII character.
     */
    public static String reason(InvalidPathException e) {
        if (e.getInput().indexOf('\0') >= 0) return "a path cannot contain a NUL character";
        return "the locale's encoding cannot write it as a file name (a UTF-8 locale can, such as LANG=C.UTF-8)";
    }
}
