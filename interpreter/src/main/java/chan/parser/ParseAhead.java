package chan.parser;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import chan.runtime.LineBreaks;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses the main file and the modules it imports on a helper thread while the launcher builds the
 * polyglot context: on two cores the parses (ANTLR's tables, a cold parser: ~50 ms for a 300-line
 * module) then cost `./chan FILE` little wall time (bench/README.md, Start-up). {@link ModuleLoader}
 * takes a tree only when the source it must parse has the same name and exactly the text the helper
 * read, and only a parse without syntax errors is offered: in every other case (another file, an
 * error to report, a failure) it parses as before.
 */
public final class ParseAhead {
    /** A parse of {@code text}, which the source called {@code name} must match to use it. */
    record Parsed(String name, String text, CommonTokenStream tokens, ChanParser.ProgramContext tree) {}

    private record Job(Path file, String name, CompletableFuture<Parsed> result) {}

    /** The main file's key; an imported module's is its canonical path, as ModuleLoader's. */
    private static final String MAIN = "";
    /** Parses under way or done; each is taken once. */
    private static final Map<String, CompletableFuture<Parsed>> parses = new ConcurrentHashMap<>();

    private ParseAhead() {}

    /**
     * The parses of {@code file} (taken by the parse of a source named {@code name}) and of the
     * modules it imports, to be run on another thread. A program nests as deep as it likes: a parse
     * that overflows that thread's stack leaves the main thread to parse.
     */
    public static Runnable prepare(Path file, String name) {
        parses.clear();
        CompletableFuture<Parsed> main = new CompletableFuture<>();
        parses.put(MAIN, main);
        return () -> parseAll(new Job(file, name, main));
    }

    /** Drops the parses nobody took (the context failed to build, or the run ended). */
    public static void cancel() {
        parses.clear();
    }

    /** The helper's parse of the main file, if it was of exactly this source's name and text, else null. */
    static Parsed takeMain(String name, CharSequence text) {
        return take(MAIN, name, text);
    }

    /** The helper's parse of the module at canonical path {@code key}, on the same terms. */
    static Parsed take(String key, String name, CharSequence text) {
        CompletableFuture<Parsed> result = parses.remove(key);
        if (result == null) {
            return null;
        }
        try {
            Parsed parsed = result.get();
            return parsed != null && parsed.name().equals(name) && parsed.text().contentEquals(text) ? parsed : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /**
     * Parses the main file, then its imports, breadth first. A file's imports are announced before its
     * own tree is handed out: the main thread asks for them as soon as it compiles that tree.
     */
    private static void parseAll(Job first) {
        List<CompletableFuture<Parsed>> mine = new ArrayList<>(List.of(first.result()));
        try {
            Queue<Job> jobs = new ArrayDeque<>(List.of(first));
            Set<String> seen = new HashSet<>();
            while (!jobs.isEmpty()) {
                Job job = jobs.remove();
                Parsed parsed = null;
                try {
                    parsed = parse(job.name(), Files.readString(job.file()));
                    for (Import module : parsed == null ? List.<Import>of() : imports(parsed.tree(), job)) {
                        String key = module.file().toString();
                        CompletableFuture<Parsed> result = new CompletableFuture<>();
                        if (seen.add(key) && parses.putIfAbsent(key, result) == null) {
                            mine.add(result);
                            jobs.add(new Job(module.file(), module.name(), result));
                        }
                    }
                } catch (Exception | StackOverflowError e) {
                    parsed = null; // unreadable, too deep for this stack: the main thread parses it
                }
                job.result().complete(parsed);
            }
        } finally {
            mine.forEach(result -> result.complete(null)); // never leave the main thread waiting
        }
    }

    /** A module a file imports: its canonical path, and its name as ModuleLoader gives it (ModuleNames). */
    private record Import(Path file, String name) {}

    /** The modules a file imports that exist where ModuleLoader looks first, as regular files (a device may never end). */
    private static List<Import> imports(ChanParser.ProgramContext tree, Job importer) {
        List<Import> found = new ArrayList<>();
        for (ChanParser.TopDeclContext top : tree.topDecl()) {
            ChanParser.ImportDeclContext imp = top.importDecl();
            if (imp == null) {
                continue;
            }
            try {
                Import module;
                if (imp.path != null) {
                    String path = Literals.string(imp.path.getText());
                    Path file = importer.file().toAbsolutePath().getParent().resolve(path);
                    module = new Import(file.toRealPath(), ModuleNames.imported(importer.name(), true, path));
                } else {
                    String stdlib = System.getProperty("chan.home", ".") + "/stdlib"; // as ModuleLoader.modulePath
                    Path file = Path.of(stdlib, imp.modName.getText() + ".chan");
                    module = new Import(file.toRealPath(), ModuleNames.standard(stdlib, imp.modName.getText()));
                }
                if (Files.isRegularFile(module.file())) {
                    found.add(module);
                }
            } catch (Exception e) {
                // no such file, or a bad literal: ModuleLoader reports it
            }
        }
        return found;
    }

    /**
     * The same lexer and parser as {@link ModuleLoader}; null when the text has a syntax error. The
     * parser predicts in ANTLR's SLL mode, which gives the tree LL mode gives or stops at a syntax
     * error (ANTLR's PredictionMode.SLL), and skips LL's full-context checks (~30% of a cold parse);
     * a text it stops at is left to the main thread's LL parse, which reports any error.
     */
    private static Parsed parse(String name, String text) {
        boolean[] failed = {false};
        var listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
                failed[0] = true;
            }
        };
        CommonTokenStream tokens = new CommonTokenStream(lexer(text, name, listener));
        tokens.fill();
        if (UnpairedBracket.find(tokens.getTokens()) != null) {
            return null; // a syntax error for the main thread to report (UnpairedBracket: not one for ANTLR to look for)
        }
        ChanParser parser = BlockPrediction.parser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            ChanParser.ProgramContext tree = parser.program();
            return failed[0] ? null : new Parsed(name, text, tokens, tree);
        } catch (ParseCancellationException e) {
            return null;
        }
    }

    /** A lexer over {@code text} counting UTF-16 indexes, as Truffle's source sections do. */
    static ChanLexer lexer(String text, String name, BaseErrorListener listener) {
        // The lexer counts LFs only: a lone CR ends a line as well (LineBreaks); a `#!` first line is white space.
        char[] chars = Shebang.blanked(LineBreaks.loneCrsAsLf(text));
        ChanLexer lexer = new ChanLexer(CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(chars)), name));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        return lexer;
    }
}
