package chan.repl;

import chan.nodes.ChanModule;
import chan.parser.ReservedWords;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: REPL commands at the start of a line; after `name.` the members of the module
 * bound to `name`; otherwise keywords, built-in functions and every name defined in the session.
 * JLine keeps the candidates that start with the word typed so far.
 */
final class ReplCompleter implements Completer {
    private final ReplSession session;

    ReplCompleter(ReplSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        if (word.startsWith(":") && line.line().strip().equals(line.word())) {
            ReplCommands.NAMES.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        int dot = word.lastIndexOf('.');
        if (dot >= 0) {
            ChanModule module = session.bindings().modules().get(word.substring(0, dot));
            if (module != null) {
                String prefix = word.substring(0, dot + 1);
                module.members().keySet().forEach(m -> candidates.add(name(prefix + m)));
            }
            return;
        }
        ReservedWords.ALL.forEach(k -> candidates.add(new Candidate(k)));
        session.language().builtins().names().forEach(b -> candidates.add(name(b)));
        session.bindings().names().keySet().forEach(n -> candidates.add(name(n)));
    }

    /** A name completes without a trailing space: a `(` or `.` usually follows. */
    private static Candidate name(String value) {
        return new Candidate(value, value, null, null, null, null, false);
    }
}
