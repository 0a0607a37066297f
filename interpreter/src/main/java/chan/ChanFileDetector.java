package chan;

import com.oracle.truffle.api.TruffleFile;
import java.nio.charset.Charset;

/** Recognises `.chan` files, so the launcher can build a Source from a path without naming the language. */
public final class ChanFileDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        return name != null && name.endsWith(".chan") ? ChanLanguage.MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
