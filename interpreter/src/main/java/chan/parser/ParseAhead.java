package chan.parser;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Parses the main file on a helper thread while the launcher builds the polyglot context: on two
 * cores the parse (ANTLR's tables, a cold parser) then costs `./chan FILE` no wall time
 * (bench/README.md, Start-up). {@link ModuleLoader} takes the tree only when the source it must
 * parse has this name and exactly the text the helper read, and only a parse without syntax errors
 * is offered: in every other case (another file, an error to report, a failure) it parses as before.
 */
public final class ParseAhead {
    /** A parse of {@code text}, which the source called {@code name} must match to use it. */
    record Parsed(String name, String text, CommonTokenStream tokens, ChanParser.ProgramContext tree) {}

    private static volatile FutureTask<Parsed> pending;

    private ParseAhead() {}

    /**
     * The parse of {@code file}, to be run on another thread and taken by the parse of a source named
     * {@code name}. A program nests as deep as it likes: a parse that overflows that thread's stack
     * leaves the main thread to parse.
     */
    public static Runnable prepare(Path file, String name) {
        FutureTask<Parsed> task = new FutureTask<>(() -> parse(name, Files.readString(file)));
        pending = task;
        return task;
    }

    /** Drops a parse nobody took (the context failed to build, or the run ended). */
    public static void cancel() {
        pending = null;
    }

    /** The helper's parse if it was of exactly this source's name and text, else null; taken once. */
    static Parsed take(String name, CharSequence text) {
        FutureTask<Parsed> task = pending;
        if (task == null) {
            return null;
        }
        pending = null;
        try {
            Parsed parsed = task.get();
            return parsed != null && parsed.name().equals(name) && parsed.text().contentEquals(text) ? parsed : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // unreadable file, a nest too deep for the helper's stack: parse on the main thread
        }
    }

    /** The same lexer and parser as {@link ModuleLoader}; null when the text has a syntax error. */
    private static Parsed parse(String name, String text) {
        boolean[] failed = {false};
        var listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
                failed[0] = true;
            }
        };
        CommonTokenStream tokens = new CommonTokenStream(lexer(text, name, listener));
        ChanParser parser = new ChanParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        ChanParser.ProgramContext tree = parser.program();
        return failed[0] ? null : new Parsed(name, text, tokens, tree);
    }

    /** A lexer over {@code text} counting UTF-16 indexes, as Truffle's source sections do. */
    static ChanLexer lexer(String text, String name, BaseErrorListener listener) {
        ChanLexer lexer = new ChanLexer(CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())), name));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        return lexer;
    }
}
