package chan.parser;

import chan.ChanContext;
import chan.ChanLanguage;
import chan.ChanOptions;
import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import chan.nodes.ChanModule;
import chan.runtime.FileFailure;
import chan.runtime.VisibleText;
import chan.values.ChanFunction;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.bytecode.BytecodeConfig;
import com.oracle.truffle.api.source.Source;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses and compiles the main file and every module it imports, each once. `import list;` looks in
 * the `--path` directories, then the stdlib; `import "./x.chan" as x;` is relative to the importing
 * file. Syntax and static errors of all files collect in one {@link Diagnostics}.
 */
public final class ModuleLoader {
    /** The result: the main module's initialiser, or the errors that stop the program. */
    public record Program(ChanFunction main, Diagnostics diagnostics, List<ChanModule> modules) {
        /** Makes every module run its initialisation again: each run of a parsed program starts afresh. */
        public void reset() {
            modules.forEach(ChanModule::reset);
        }
    }

    private final ChanLanguage language;
    private final ChanContext context;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<String, ChanModule> loaded = new HashMap<>();
    /** The files being compiled, importer before imported: canonical path to the name errors show. */
    private final LinkedHashMap<String, String> loading = new LinkedHashMap<>();
    /** The stdlib directory's {@link #canonicalPath}, found at the first module that asks; "" if it cannot be. */
    private String canonicalStdlibDir;

    public ModuleLoader(ChanLanguage language, ChanContext context) {
        this.language = language;
        this.context = context;
    }

    /** Whether loops are compiled as roots of their own (OutlinedLoops; the internal option chan.OutlineLoops). */
    boolean outlinesLoops() {
        return context.option(ChanOptions.OutlineLoops);
    }

    /**
     * What the roots are built with: their source positions, and under a tool the launcher runs (the
     * internal option chan.Instrumented) every instrumentation tag too, so that no root is built a
     * second time. A tool an embedder attaches otherwise makes the Bytecode DSL build each root it
     * instruments again, which ModuleCompiler.buildRoot starts from where the first build started.
     */
    BytecodeConfig bytecodeConfig() {
        return context.option(ChanOptions.Instrumented) ? BytecodeConfig.COMPLETE : BytecodeConfig.WITH_SOURCE;
    }

    public Program loadMain(Source source) {
        ChanModule main = new ChanModule("<main>");
        // The program is being compiled too: a module that imports it closes a cycle.
        String key = source.getPath() == null ? null : canonicalPath(context.env().getPublicTruffleFile(source.getPath()));
        if (key != null) {
            loading.put(key, source.getName());
        }
        boolean standard = key != null && inStdlib(key); // `chan stdlib/str.chan` too
        ChanFunction init = compile(source, main, standard, false, ParseAhead.takeMain(Diagnostics.name(source), source.getCharacters()));
        if (key != null) {
            loading.remove(key);
        }
        List<ChanModule> modules = new ArrayList<>(loaded.values());
        modules.add(main);
        return new Program(diagnostics.isEmpty() ? init : null, diagnostics, modules);
    }

    /**
     * Compiles one REPL input against the session's names; returns the function that runs it, or
     * null when it has syntax or static errors ({@link #diagnostics()} has them, the session is
     * unchanged). Modules imported by earlier inputs stay loaded.
     */
    public ChanFunction loadReplInput(Source source, ReplBindings bindings) {
        diagnostics.clear();
        ChanParser.ProgramContext tree = parse(source, null);
        if (tree == null) {
            return null;
        }
        ModuleCompiler compiler = new ModuleCompiler(language, source, this, diagnostics, new ChanModule("<main>"), false, false);
        compiler.compileAsReplInput(bindings);
        ChanFunction init = compileTree(compiler, tree);
        if (!diagnostics.isEmpty()) {
            bindings.rollback();
            return null;
        }
        compiler.commitReplInput();
        return init;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * Parses (unless {@code ahead} did) and compiles one file into {@code module}; returns its
     * initialiser. {@code standard}: the file is in the stdlib directory (it sees the intrinsics);
     * {@code onReference}: its functions compile when first referred to (an imported stdlib module's,
     * see ModuleCompiler; a program is compiled whole, stdlib module or not).
     */
    private ChanFunction compile(Source source, ChanModule module, boolean standard, boolean onReference, ParseAhead.Parsed ahead) {
        ChanParser.ProgramContext tree = parse(source, ahead);
        if (tree == null) {
            return null;
        }
        ModuleCompiler compiler = new ModuleCompiler(language, source, this, diagnostics, module, standard, onReference);
        return compileTree(compiler, tree);
    }

    /** The compiled initialiser, or null when a function was too large to compile (reported). */
    private static ChanFunction compileTree(ModuleCompiler compiler, ChanParser.ProgramContext tree) {
        try {
            return compiler.compile(tree);
        } catch (ModuleCompiler.TooLargeToCompile e) {
            return null;
        }
    }

    /** The file's tree, or null after reporting its syntax errors; {@code ahead}: a parse of it without any. */
    private ChanParser.ProgramContext parse(Source source, ParseAhead.Parsed ahead) {
        int before = diagnostics.size();
        if (ahead != null) {
            reportBadLiterals(source, ahead.tokens());
            return diagnostics.size() == before ? ahead.tree() : null;
        }
        InvalidUtf8.Found notUtf8 = InvalidUtf8.in(source); // the parse ahead read the file strictly: not needed above
        if (notUtf8 != null) {
            diagnostics.add(source, notUtf8.line(), notUtf8.column(), "syntax error: " + notUtf8.message());
            return null;
        }
        CommonTokenStream tokens = new CommonTokenStream(
                        ParseAhead.lexer(source.getCharacters().toString(), Diagnostics.name(source), new FirstSyntaxError(diagnostics, source, null)));
        ChanParser.ProgramContext tree = null;
        try {
            tokens.fill(); // all of it, to pair its brackets
            UnpairedBracket unpaired = UnpairedBracket.find(tokens.getTokens());
            ChanParser parser = BlockPrediction.parser(unpaired == null ? tokens : unpaired.pairedPrefix());
            parser.removeErrorListeners();
            parser.addErrorListener(new FirstSyntaxError(diagnostics, source, unpaired));
            tree = parser.program();
        } catch (ParseCancellationException e) {
            // stopped at the file's first syntax error, reported
        }
        if (diagnostics.size() == before) {
            reportBadLiterals(source, tokens);
        }
        return diagnostics.size() == before ? tree : null;
    }

    /**
     * The first string literal with a bad escape (the grammar accepts any `\\x`), or number literal
     * the lexer took loosely (Literals.badNumber), is a syntax error.
     */
    private void reportBadLiterals(Source source, CommonTokenStream tokens) {
        for (Token t : tokens.getTokens()) {
            Literals.BadLiteral bad = t.getType() == ChanLexer.STRING ? Literals.badEscape(t.getText())
                            : t.getType() == ChanLexer.INT || t.getType() == ChanLexer.FLOAT ? Literals.badNumber(t.getText(), t.getType() == ChanLexer.INT)
                            : null;
            if (bad != null) {
                diagnostics.add(source, t.getLine(), t.getCharPositionInLine() + bad.offset() + 1, "syntax error: " + bad.message());
                return;
            }
        }
    }

    /** `import "./ring.chan" as ring;` relative to the importing file. */
    ChanModule loadFile(String path, Source from, ModuleCompiler importer, Token at) {
        TruffleFile base = from.getPath() == null ? context.env().getCurrentWorkingDirectory() : context.env().getPublicTruffleFile(from.getPath()).getParent();
        TruffleFile file;
        try {
            file = base == null ? context.env().getPublicTruffleFile(path) : base.resolve(path);
        } catch (InvalidPathException e) {
            importer.error(at, "invalid module path " + VisibleText.of(path) + ": " + FileFailure.reason(e));
            return null;
        }
        if (!file.exists()) {
            importer.error(at, "cannot find module file " + VisibleText.of(path));
            return null;
        }
        return load(file, defaultAlias(path), ModuleNames.imported(from.getName(), from.getPath() != null, path), importer, at);
    }

    /** `import list;`: the first NAME.chan on the module path. */
    ChanModule loadStdlib(String name, ModuleCompiler importer, Token at) {
        for (String dir : modulePath()) {
            TruffleFile file;
            try {
                file = context.env().getPublicTruffleFile(dir).resolve(name + ".chan");
            } catch (InvalidPathException e) {
                continue; // a name this system cannot write as a file name (LANG=C): not there
            }
            if (file.exists()) {
                return load(file, name, ModuleNames.standard(dir, name), importer, at);
            }
        }
        importer.error(at, "no module named '" + name + "' (looked in " + String.join(", ", modulePath()) + ")");
        return null;
    }

    /**
     * Whether the module file, named by its {@link #canonicalPath}, lies in the stdlib directory
     * itself, however it was imported: only those files see the intrinsics, not a module of the same
     * name found first on `--path`.
     */
    private boolean inStdlib(String canonicalPath) {
        if (canonicalStdlibDir == null) {
            try {
                canonicalStdlibDir = canonicalPath(context.env().getPublicTruffleFile(stdlibDir()));
            } catch (SecurityException | InvalidPathException e) {
                canonicalStdlibDir = ""; // no file of this context is the stdlib's
            }
        }
        Path parent = Path.of(canonicalPath).getParent();
        return parent != null && parent.toString().equals(canonicalStdlibDir);
    }

    private static String stdlibDir() {
        return System.getProperty("chan.home", ".") + "/stdlib";
    }

    private List<String> modulePath() {
        List<String> dirs = new ArrayList<>();
        for (String dir : context.option(ChanOptions.Path).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(dir);
            }
        }
        dirs.add(stdlibDir());
        return dirs;
    }

    /** Loads the module in {@code file} once, as {@code name} in Chan, named {@code shownAs} in errors (ModuleNames). */
    private ChanModule load(TruffleFile file, String name, String shownAs, ModuleCompiler importer, Token at) {
        String key = canonicalPath(file);
        ChanModule cached = loaded.get(key);
        if (cached != null) {
            if (cached.init() != null) {
                importer.recordImportInit(cached, cached.init());
            }
            return cached;
        }
        if (loading.containsKey(key)) {
            importer.error(at, "import cycle: " + cycleFrom(key));
            return null;
        }
        if (!file.isRegularFile()) {
            // A device or a pipe may never end (/dev/zero): refused as the main program is (ChanMain).
            importer.error(at, "cannot read module " + VisibleText.of(file.getPath()) + ": "
                            + (file.isDirectory() ? "it is a directory" : "not a regular file"));
            return null;
        }
        Source source;
        try {
            source = Source.newBuilder(ChanLanguage.ID, file).name(shownAs).build();
        } catch (IOException e) {
            importer.error(at, "cannot read module " + file.getPath() + ": " + FileFailure.reason(e));
            return null;
        } catch (SecurityException e) {
            importer.error(at, "cannot read module " + file.getPath() + ": " + e.getMessage());
            return null;
        }
        ChanModule module = new ChanModule(name);
        loading.put(key, shownAs);
        boolean standard = inStdlib(key);
        ChanFunction init = compile(source, module, standard, standard, ParseAhead.take(key, Diagnostics.name(source), source.getCharacters()));
        loading.remove(key);
        loaded.put(key, module);
        if (init != null) {
            module.setInit(init);
            importer.recordImportInit(module, init);
        }
        return module;
    }

    /** The files of the cycle that importing {@code key} again would close, by their names in errors: `a.chan -> b.chan -> a.chan`. */
    private String cycleFrom(String key) {
        List<String> keys = new ArrayList<>(loading.keySet());
        StringBuilder cycle = new StringBuilder();
        for (String k : keys.subList(keys.indexOf(key), keys.size())) {
            cycle.append(loading.get(k)).append(" -> ");
        }
        return cycle.append(loading.get(key)).toString();
    }

    /**
     * The file's path with links resolved, which names one file one way however it was reached; as
     * given where the context may not look at files (an embedder's program, handed over as a source).
     */
    private static String canonicalPath(TruffleFile file) {
        try {
            return file.getCanonicalFile().getPath();
        } catch (IOException e) {
            return file.getAbsoluteFile().getPath();
        } catch (SecurityException e) {
            return file.getPath();
        }
    }

    /** The name a file module is bound to without `as`: its file name without `.chan`. */
    static String defaultAlias(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".chan") ? name.substring(0, name.length() - 5) : name;
    }
}
