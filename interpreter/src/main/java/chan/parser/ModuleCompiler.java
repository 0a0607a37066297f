package chan.parser;

import chan.ChanLanguage;
import chan.builtins.Builtin;
import chan.builtins.BuiltinTable;
import chan.grammar.ChanParser.*;
import chan.nodes.ChanBytecodeRootNode;
import chan.nodes.ChanBytecodeRootNodeGen;
import chan.nodes.ChanModule;
import chan.nodes.FunctionTemplate;
import chan.nodes.GlobalCell;
import chan.nodes.Positions;
import chan.values.ChanFunction;
import chan.values.ChanNil;
import chan.values.ChanStructType;
import chan.values.Types;
import com.oracle.truffle.api.bytecode.BytecodeEncodingException;
import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.source.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Compiles one parsed module into Bytecode DSL roots: one per named function, one per function
 * expression or `start` block, and one for the module body (its consts, then its top-level
 * statements). The static checks of LANGUAGE.md happen here, while names are resolved; errors go
 * to {@link Diagnostics} and compilation goes on, so one run reports them all.
 *
 * <p>This file holds the module: its declarations, the roots of its functions and body, REPL inputs,
 * name resolution and the emission of suspensions and polls. Statements ({@link StatementCompiler},
 * with `choose` in {@link ChooseCompiler}), expressions ({@link ExpressionCompiler}), patterns
 * ({@link PatternCompiler}) and the order of consts ({@link ConstOrder}) have their own files; they
 * emit into this compiler's current builder and scope ({@link #b}, {@link #scope}).
 */
public final class ModuleCompiler {
    /** A top-level name of the module. */
    static final class Declaration {
        enum Kind { FUNCTION, CONST, STRUCT, IMPORT }

        final Kind kind;
        final String name;
        final GlobalCell cell;
        /**
         * What is known of it while compiling: the struct type, the imported module, or the number of
         * parameters of the function (for the arity of a direct call).
         */
        final Object staticValue;

        Declaration(Kind kind, String name, GlobalCell cell, Object staticValue) {
            this.kind = kind;
            this.name = name;
            this.cell = cell;
            this.staticValue = staticValue;
        }
    }

    private final ChanLanguage language;
    final Source source;
    private final ModuleLoader loader;
    private final Diagnostics diagnostics;
    private final ChanModule module;
    final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final Set<String> topLevelLets = new HashSet<>();
    /** The top-level `let` names of this module alone (a REPL input's new variables). */
    private final Set<String> replLets = new java.util.LinkedHashSet<>();
    private final Map<ChanModule, ChanFunction> importedInits = new LinkedHashMap<>();
    private final Map<FuncDeclContext, ChanBytecodeRootNode> functionRoots = new LinkedHashMap<>();
    /** In a REPL input: the session's earlier names (see ReplBindings); null for a file. */
    private ReplBindings repl;
    /** In a REPL input: the names this input declares (they may redefine earlier ones). */
    private final Map<String, Declaration> declaredHere = new LinkedHashMap<>();

    ChanBytecodeRootNodeGen.Builder b;
    /**
     * Source sections open, counted across the roots being built (a function expression's root is
     * built while its enclosing one is half-built), and where the innermost root's count started.
     */
    private int sections;
    private int sectionsOfOuterRoots;
    private static final int SOURCE_EVERY = 32;
    Scope scope;
    final PatternCompiler patterns = new PatternCompiler(this);
    final ExpressionCompiler expressions = new ExpressionCompiler(this);
    private final StatementCompiler statements = new StatementCompiler(this);
    /** Which subtrees may block (Operands stores the operands before one that may). */
    final Blocking blocking = new Blocking();
    /** Where this module's functions check the quantum: at entry, or before the calls that may recur. */
    private EntryChecks entryChecks;
    /** While a function compiles: whether a call that may recur needs a check before it. */
    RecursionChecks recursionChecks;
    /** The root being built's `--max-depth` level, read at its entry; null if it passes none on (see {@link #buildRoot}). */
    BytecodeLocal depth;
    /**
     * A local the root being built sets when it resumes from a suspension, or null: an outlined
     * loop's, whose back-edge then restarts it (StatementCompiler.emitBackEdgePoll).
     */
    BytecodeLocal resumed;
    /**
     * The top-level const whose value is being compiled, or null: consts are evaluated before the
     * module's statements (emitModuleBody), so no top-level `let` has a value yet.
     */
    private String constEvaluated;
    /** The first build of a root in progress, which records the roots nested in it; null between roots. */
    private RootBuild building;
    /** While a root is built again: the roots nested in it, which {@link #buildRoot} hands out again in order. */
    private Iterator<ChanBytecodeRootNode> reusing;
    /** What each function expression and `start` block captures, by name, for a build again of its enclosing root. */
    private final Map<ChanBytecodeRootNode, List<String>> closureCaptures = new IdentityHashMap<>();

    /** Whether this is a module of the stdlib directory, which also sees the intrinsics (BuiltinTable). */
    private final boolean standard;

    /**
     * Whether its named functions compile when first referred to: an imported stdlib module's. A
     * program uses a few of a module's functions, and compiling all of them was most of a short run
     * that imports one (`import list;` alone: ~0.4 s of a fresh JVM, bench/README.md, "Start-up").
     * They are referred to by the module itself or by a module that imports it, always while
     * compiling, before anything runs, since a module's members are only ever named in code
     * ({@code m.f}). Only the stdlib's: the functions of a program and of its own modules are
     * compiled whole, because their static errors must all be reported before it runs; the stdlib's
     * have none (IntrinsicsTest runs each stdlib module as a program, which compiles it whole).
     */
    private final boolean compilesOnReference;
    /** The named functions not compiled yet, by name (compilesOnReference). */
    private final Map<String, FuncDeclContext> notCompiled = new HashMap<>();
    /** Functions referred to while something else compiled, to compile when it is done ({@link #compileReferred}). */
    private final ArrayDeque<FuncDeclContext> referred = new ArrayDeque<>();

    ModuleCompiler(ChanLanguage language, Source source, ModuleLoader loader, Diagnostics diagnostics, ChanModule module, boolean standard,
                    boolean compilesOnReference) {
        this.language = language;
        this.source = source;
        this.loader = loader;
        this.diagnostics = diagnostics;
        this.module = module;
        this.standard = standard;
        this.compilesOnReference = compilesOnReference;
    }

    /** The built-in a bare name means when nothing here declares it: a built-in, or in the stdlib an intrinsic; else null. */
    private Builtin builtin(String name) {
        return BuiltinTable.visible(name, standard);
    }

    /** Compiles a REPL input against the session's earlier names instead of a module of its own. */
    void compileAsReplInput(ReplBindings bindings) {
        this.repl = bindings;
        declarations.putAll(bindings.declarations);
        topLevelLets.addAll(bindings.liveVariables().keySet());
    }

    /** The input compiled: make its names the session's (REPL only). */
    void commitReplInput() {
        repl.commit(declaredHere, replLets);
    }

    /** The module an alias of this module's imports names, or null. */
    private ChanModule importedModule(String alias) {
        return declarations.get(alias) instanceof Declaration d && d.kind == Declaration.Kind.IMPORT ? (ChanModule) d.staticValue : null;
    }

    /** Compiles the module and returns the function that initialises it (null after errors). */
    ChanFunction compile(ProgramContext program) {
        collectDeclarations(program);
        entryChecks = new EntryChecks(program, name -> !declarations.containsKey(name) && !topLevelLets.contains(name)
                        && builtin(name) != null,
                        (alias, member) -> importedModule(alias) instanceof ChanModule m && m.cannotCallBack(member),
                        (alias, member) -> importedModule(alias) instanceof ChanModule m && m.neverWaits(member));
        module.setCannotCallBack(entryChecks.functionsThatCannotCallBack());
        module.setNeverWait(entryChecks.functionsThatNeverWait());
        recursionChecks = new RecursionChecks(entryChecks);
        if (repl != null) {
            forgetRedefinedVariables();
        }
        for (TopDeclContext top : program.topDecl()) {
            if (top.funcDecl() == null) {
                continue;
            }
            if (compilesOnReference) {
                notCompiled.put(top.funcDecl().fnName.getText(), top.funcDecl());
            } else {
                functionRoots.put(top.funcDecl(), compileNamedFunction(top.funcDecl()));
            }
        }
        ChanBytecodeRootNode[] init = {compileModuleBody(program)};
        for (Map.Entry<FuncDeclContext, ChanBytecodeRootNode> e : functionRoots.entrySet()) {
            setFunction(e.getKey(), e.getValue());
        }
        if (compilesOnReference) {
            compileReferred();
            module.compileFunctionsOnReference(this::compileOnReference);
        }
        if (System.getenv("CHAN_DUMP_BYTECODE") != null) {
            functionRoots.values().forEach(r -> System.err.println(r.dump()));
            System.err.println(init[0].dump());
        }
        return new ChanFunction(init[0].getName(), 0, init[0].getCallTarget(), null);
    }

    private void setFunction(FuncDeclContext f, ChanBytecodeRootNode root) {
        declarations.get(f.fnName.getText()).cell.set(new ChanFunction(root.getName(), root.arity(), root.getCallTarget(), null));
    }

    // ---- functions compiled when first referred to (compilesOnReference) ----

    /** Code being compiled refers to a top-level name: a function not compiled yet is compiled once that code is done. */
    private void referTo(Declaration d) {
        if (d.kind == Declaration.Kind.FUNCTION && notCompiled.remove(d.name) instanceof FuncDeclContext f) {
            referred.add(f);
        }
    }

    /**
     * Compiles the functions referred to, and those they refer to, in turn. A function too large to
     * compile stops the compile as it does for a module compiled whole (TooLargeToCompile), here that
     * of the code that referred to it.
     */
    private void compileReferred() {
        while (!referred.isEmpty()) {
            FuncDeclContext f = referred.poll();
            ChanBytecodeRootNode root = compileNamedFunction(f);
            setFunction(f, root);
            if (System.getenv("CHAN_DUMP_BYTECODE") != null) {
                System.err.println(root.dump()); // as compile() dumps the functions it compiles whole
            }
        }
    }

    /** Another module's code refers to this module's member {@code name} (ChanModule.memberReferredTo). */
    private void compileOnReference(String name) {
        if (declarations.get(name) instanceof Declaration d) {
            referTo(d);
            compileReferred();
        }
    }

    // ---- declarations ----

    private void collectDeclarations(ProgramContext program) {
        Map<LetStmtContext, Set<String>> lets = new LinkedHashMap<>();
        for (TopDeclContext top : program.topDecl()) {
            if (top.importDecl() != null) {
                declareImport(top.importDecl());
            } else if (top.structDecl() != null) {
                StructDeclContext s = top.structDecl();
                String[] fields = s.fields.stream().map(Token::getText).toArray(String[]::new);
                checkDistinct(s.fields, "field");
                ChanStructType type = new ChanStructType(s.structName.getText(), fields, language.nextStructClass());
                declare(s.structName, Declaration.Kind.STRUCT, type).cell.set(type);
            } else if (top.funcDecl() != null) {
                ParamsContext params = top.funcDecl().params();
                declare(top.funcDecl().fnName, Declaration.Kind.FUNCTION, params == null ? 0 : params.param().size());
            } else if (top.statement() instanceof ConstStmtContext c) {
                declare(c.name().getStart(), Declaration.Kind.CONST, null);
            } else if (top.statement() instanceof LetStmtContext let) {
                Set<String> bound = PatternCompiler.boundNames(let.pattern());
                topLevelLets.addAll(bound);
                replLets.addAll(bound);
                lets.put(let, bound);
            }
        }
        if (repl == null) {
            refuseLetsOfDeclaredNames(lets);
        }
    }

    /**
     * A top-level `let` may not bind the name of a top-level `fn`, `const`, `struct` or `import`:
     * those are visible throughout the module (LANGUAGE.md §3), so the name would mean the
     * declaration in functions and the variable in the module's body. (A REPL input may, to redefine
     * an earlier input's name: redeclare.)
     */
    private void refuseLetsOfDeclaredNames(Map<LetStmtContext, Set<String>> lets) {
        lets.forEach((let, bound) -> {
            for (String name : bound) {
                if (declarations.containsKey(name)) {
                    error(let.pattern().getStart(), "'" + name + "' is declared twice at the top level of this module");
                }
            }
        });
    }

    private void declareImport(ImportDeclContext imp) {
        String alias;
        ChanModule imported;
        if (imp.path != null) {
            String path = Literals.string(imp.path.getText());
            alias = imp.alias != null ? imp.alias.getText() : ModuleLoader.defaultAlias(path);
            imported = loader.loadFile(path, source, this, imp.path);
        } else {
            alias = imp.alias != null ? imp.alias.getText() : imp.modName.getText();
            imported = loader.loadStdlib(imp.modName.getText(), this, imp.modName);
        }
        if (imported == null) {
            imported = new ChanModule(alias); // not found, reported: its alias still names a module, one that failed
        }
        Declaration d = declare(imp.alias != null ? imp.alias : (imp.modName != null ? imp.modName : imp.path), alias, Declaration.Kind.IMPORT, imported);
        d.cell.set(imported);
    }

    /**
     * A type annotation names a value's type (`type(v)`'s names), `any`, `num`, or a struct declared
     * here or in an imported module: anything else is a typo that would fail every call, so it is a
     * static error at the annotation.
     */
    void checkTypeName(Token at, String type) {
        if (type.equals("any") || type.equals("num") || Types.isTypeName(type) || isStructName(type) || importFailed()) {
            return; // a module that failed may have been the one to declare the struct: no echo of its error
        }
        error(at, "unknown type '" + type + "' (a type is a name type(v) gives, any, num, or a struct of this or an imported module)");
    }

    /**
     * The type an annotation names, as CheckTypeNode compares it with a value, or null for none: a
     * name of type(v)'s, `any` or `num` as written, and a struct as its signature, `Mutex{…}`, so
     * that another module's struct of the same name and other fields does not pass. A struct is this
     * module's, else an imported module's: written as in a literal, `sync.Mutex`, or bare, `Mutex`.
     */
    String annotatedType(TypeNameContext t) {
        if (t == null) {
            return null;
        }
        return t.module == null ? bareType(t.getText()) : importedType(t.module.getText(), t.IDENT(1).getText());
    }

    /** The same for a parameter, whose annotation may have lexed as an atom: `a:int`, `a:sync.Mutex`. */
    String annotatedType(ParamContext p) {
        if (p.typeName() != null || p.ATOM() == null) {
            return annotatedType(p.typeName());
        }
        String atom = p.ATOM().getText().substring(1);
        return p.member != null ? importedType(atom, p.member.getText()) : bareType(atom);
    }

    private String bareType(String name) {
        if (name.equals("any") || name.equals("num") || Types.isTypeName(name)) {
            return name;
        }
        Declaration own = declarations.get(name);
        if (own != null && own.kind == Declaration.Kind.STRUCT && own.staticValue instanceof ChanStructType type) {
            return type.signature();
        }
        for (Declaration d : declarations.values()) {
            if (d.kind == Declaration.Kind.IMPORT && d.staticValue instanceof ChanModule m
                            && m.members().get(name) instanceof GlobalCell cell && cell.get() instanceof ChanStructType type) {
                return type.signature();
            }
        }
        return name; // no such type: reported by checkAnnotation
    }

    private String importedType(String alias, String name) {
        Declaration d = declarations.get(alias);
        if (d != null && d.kind == Declaration.Kind.IMPORT && d.staticValue instanceof ChanModule m
                        && m.members().get(name) instanceof GlobalCell cell && cell.get() instanceof ChanStructType type) {
            return type.signature();
        }
        return name; // no such type: reported by checkAnnotation
    }

    /** Reports an annotation that names no type (checkTypeName). */
    void checkAnnotation(TypeNameContext t) {
        if (t != null && t.module == null) {
            checkTypeName(t.getStart(), t.getText());
        } else if (t != null) {
            checkImportedStruct(t.module, t.IDENT(1).getSymbol());
        }
    }

    void checkAnnotation(ParamContext p) {
        if (p.typeName() != null || p.ATOM() == null) {
            checkAnnotation(p.typeName());
        } else if (p.member != null) {
            checkImportedStruct(p.ATOM().getSymbol(), p.member);
        } else {
            checkTypeName(ExpressionCompiler.nameAfterColon(p.ATOM().getSymbol()), p.ATOM().getText().substring(1)); // `a:int`: at the name, not the colon
        }
    }

    /** `module.Name` in an annotation: module is an import, and Name a struct it declares. */
    private void checkImportedStruct(Token module, Token member) {
        String alias = module.getText().startsWith(":") ? module.getText().substring(1) : module.getText();
        Declaration d = declarations.get(alias);
        if (d != null && d.kind == Declaration.Kind.IMPORT && d.staticValue instanceof ChanModule m
                        && (m.failed() || m.members().get(member.getText()) instanceof GlobalCell cell && cell.get() instanceof ChanStructType)) {
            return; // a module that failed to load has been reported: no echo of its error
        }
        error(member, "unknown type '" + alias + "." + member.getText() + "' (a type is a name type(v) gives, any, num, or a struct of this or an imported module)");
    }

    private boolean isStructName(String name) {
        for (Declaration d : declarations.values()) {
            if (d.kind == Declaration.Kind.STRUCT && d.name.equals(name)) {
                return true;
            }
            if (d.kind == Declaration.Kind.IMPORT && d.staticValue instanceof ChanModule m && m.members().get(name) instanceof GlobalCell cell
                            && cell.get() instanceof ChanStructType) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of this module's imports failed to load (its errors reported). */
    private boolean importFailed() {
        return declarations.values().stream().anyMatch(d -> d.kind == Declaration.Kind.IMPORT && ((ChanModule) d.staticValue).failed());
    }

    void recordImportInit(ChanModule imported, ChanFunction init) {
        importedInits.put(imported, init);
    }

    private Declaration declare(Token name, Declaration.Kind kind, Object staticValue) {
        return declare(name, name.getText(), kind, staticValue);
    }

    /** Declares a top-level name; {@code at} is where errors about it point. */
    private Declaration declare(Token at, String text, Declaration.Kind kind, Object staticValue) {
        if (repl != null && !declaredHere.containsKey(text)) {
            return redeclare(text, kind, staticValue);
        }
        if (declarations.containsKey(text)) {
            error(at, "'" + text + "' is declared twice at the top level of this module");
        }
        Declaration d = new Declaration(kind, text, new GlobalCell(text), staticValue);
        declarations.putIfAbsent(text, d);
        module.members().putIfAbsent(text, d.cell);
        return d;
    }

    /** A REPL input's declaration: it may redefine an earlier name, whose cell it keeps. */
    private Declaration redeclare(String text, Declaration.Kind kind, Object staticValue) {
        GlobalCell cell = repl.cellFor(text);
        repl.changing(cell);
        Declaration d = new Declaration(kind, text, cell, staticValue);
        declarations.put(text, d);
        declaredHere.put(text, d);
        module.members().put(text, cell);
        return d;
    }

    /** In a REPL input, a `let` of an earlier function's (or const's) name makes it a variable. */
    private void forgetRedefinedVariables() {
        for (String name : replLets) {
            if (!declaredHere.containsKey(name)) {
                declarations.remove(name);
            }
        }
        topLevelLets.removeAll(declaredHere.keySet());
    }

    void checkDistinct(List<Token> names, String what) {
        Set<String> seen = new HashSet<>();
        for (Token t : names) {
            if (!seen.add(t.getText())) {
                error(t, "duplicate " + what + " '" + t.getText() + "'");
            }
        }
    }

    // ---- functions ----

    /**
     * Builds one root in a builder of its own. Every function gets its own builder, function
     * expressions included (built while their enclosing function is half-built): Truffle 25.0.1
     * mixes up the continuation constants of several roots built by one builder. {@code readsDepth}:
     * the root passes its `--max-depth` level on to calls (EntryChecks.readsDepth), so its entry
     * reads the level into {@link #depth}. Built again for a tool, a root takes the roots nested in
     * it from its first build ({@link #reusing}).
     */
    private ChanBytecodeRootNode buildRoot(ParserRuleContext where, boolean readsDepth, Runnable body) {
        if (reusing != null) {
            return reusing.next();
        }
        ChanBytecodeRootNodeGen.Builder outer = b;
        BytecodeLocal outerDepth = depth;
        BytecodeLocal outerResumed = resumed;
        resumed = null;
        int outerSections = sectionsOfOuterRoots;
        sectionsOfOuterRoots = sections;
        RootBuild outerBuild = building;
        RootBuild build = new RootBuild(scope.seed(), recursionChecks.saved(), constEvaluated);
        building = build;
        ChanBytecodeRootNode[] root = new ChanBytecodeRootNode[1];
        try {
            ChanBytecodeRootNodeGen.create(language, loader.bytecodeConfig(), builder -> {
                if (build.built) {
                    buildAgain(build, builder, where, readsDepth, body);
                } else {
                    build.built = true;
                    root[0] = emitRoot(builder, where, readsDepth, body);
                }
            });
        } catch (BytecodeEncodingException e) {
            throw tooLarge(where, e);
        }
        if (standard) {
            root[0].setLibrary(module.name()); // its `start`s are named by the caller's line (SpawnSite)
        }
        b = outer;
        depth = outerDepth;
        resumed = outerResumed;
        sectionsOfOuterRoots = outerSections;
        building = outerBuild;
        if (outerBuild != null) {
            outerBuild.nested.add(root[0]);
        }
        return root[0];
    }

    private ChanBytecodeRootNode emitRoot(ChanBytecodeRootNodeGen.Builder builder, ParserRuleContext where, boolean readsDepth, Runnable body) {
        b = builder;
        b.beginSource(source);
        beginSection(where);
        b.beginRoot();
        depth = null;
        if (readsDepth) {
            depth = b.createLocal();
            b.beginStoreLocal(depth);
            b.emitLoadCallDepth();
            b.endStoreLocal();
        }
        body.run();
        emitReturnNil();
        ChanBytecodeRootNode root = b.endRoot();
        endSection();
        b.endSource();
        return root;
    }

    /**
     * What a root's first build started from. The Bytecode DSL builds a root again by calling its
     * builder's generator again when a tool asks for instrumentation the first build left out
     * (ModuleLoader.bytecodeConfig): an embedder's debugger, a profiler enabled by the context's
     * options, a session started after the program ran. That build must emit what the first did,
     * so it starts from this, whatever the compiler has compiled since (a function's `let sum`
     * once clashed with a top-level `sum` there) or is compiling now (the DSL may ask while the
     * root's enclosing function is half-built).
     */
    private static final class RootBuild {
        final Scope.Seed scope;
        final RecursionChecks.Saved checks;
        final String constEvaluated;
        /** The roots the first build built inside this one (function expressions, `start` blocks, outlined loops), in order. */
        final List<ChanBytecodeRootNode> nested = new ArrayList<>();
        boolean built;

        RootBuild(Scope.Seed scope, RecursionChecks.Saved checks, String constEvaluated) {
            this.scope = scope;
            this.checks = checks;
            this.constEvaluated = constEvaluated;
        }
    }

    /** Builds a root again from its first build's start ({@link RootBuild}), leaving the compiler's state as it was. */
    private void buildAgain(RootBuild build, ChanBytecodeRootNodeGen.Builder builder, ParserRuleContext where, boolean readsDepth, Runnable body) {
        ChanBytecodeRootNodeGen.Builder savedBuilder = b;
        Scope savedScope = scope;
        BytecodeLocal savedDepth = depth;
        BytecodeLocal savedResumed = resumed;
        int savedSections = sections;
        int savedOuterSections = sectionsOfOuterRoots;
        RecursionChecks.Saved savedChecks = recursionChecks.saved();
        String savedConst = constEvaluated;
        RootBuild savedBuilding = building;
        Iterator<ChanBytecodeRootNode> savedReusing = reusing;
        scope = build.scope.fresh();
        resumed = null;
        sections = 0;
        sectionsOfOuterRoots = 0;
        recursionChecks.restore(build.checks);
        constEvaluated = build.constEvaluated;
        building = null;
        reusing = build.nested.iterator();
        try {
            statements.inNestedFunction(() -> emitRoot(builder, where, readsDepth, body));
        } finally {
            b = savedBuilder;
            scope = savedScope;
            depth = savedDepth;
            resumed = savedResumed;
            sections = savedSections;
            sectionsOfOuterRoots = savedOuterSections;
            recursionChecks.restore(savedChecks);
            constEvaluated = savedConst;
            building = savedBuilding;
            reusing = savedReusing;
        }
    }

    /**
     * Builds a loop of the function being compiled as a root of its own (OutlinedLoops), in the
     * loop's scope ({@link Scope#forOutlinedLoop}). Its `--max-depth` level is the function's, an
     * argument after the function's locals ({@code depthArgument}) if the function has one.
     */
    ChanBytecodeRootNode buildLoopRoot(ParserRuleContext loop, int depthArgument, Runnable body) {
        Scope function = scope;
        boolean passesDepth = depth != null;
        scope = function.forOutlinedLoop();
        ChanBytecodeRootNode root = buildRoot(loop, false, () -> {
            if (passesDepth) {
                depth = b.createLocal();
                emitTakeArgument(depth, depthArgument);
            }
            body.run();
        });
        scope = function;
        root.setName(function.isModuleBody ? moduleBodyName() : function.functionName);
        root.markOutlinedLoop();
        return root;
    }

    /**
     * Whether a loop is worth outlining (OutlinedLoops.worthOutlining), unless the option
     * chan.OutlineLoops is off or the loop is at a REPL input's top level, whose variables are cells
     * the loop must see.
     */
    boolean outlines(ParserRuleContext loop) {
        return loader.outlinesLoops() && !(scope.isModuleBody && repl != null) && OutlinedLoops.worthOutlining(loop, entryChecks);
    }

    /** Stores argument {@code index} of the root being built in {@code local} (TakeArgument). */
    void emitTakeArgument(BytecodeLocal local, int index) {
        b.beginStoreLocal(local);
        b.emitTakeArgument(index);
        b.endStoreLocal();
    }

    /**
     * A function past one of the Bytecode DSL's 16-bit limits (the locals it ever creates, its
     * temporaries among them, ~16 000; its constants, its operand stack, its arguments, 32 767):
     * reported at the function's first token, and the file's compile stops there, since the
     * half-built function has left the compiler's state mid-way.
     */
    private TooLargeToCompile tooLarge(ParserRuleContext where, BytecodeEncodingException e) {
        String what = switch (where) {
            case FuncDeclContext f -> "function '" + f.fnName.getText() + "'";
            case ProgramContext p -> "this file's top level";
            case LambdaPrimaryContext l -> "this function";
            case WhileStmtContext w -> "this loop";
            case ForStmtContext f -> "this loop";
            default -> "this start block";
        };
        String limit = e.getMessage() != null && e.getMessage().contains("stack height")
                        ? "an expression nested more deeply than the interpreter's operand stack allows"
                        : "the interpreter holds at most about 16 000 variables and temporaries, and 32 767 constants or operands"
                                        + " of one operation, in one function";
        error(where.getStart(), what + " is too large to compile: " + limit + "; split it into smaller functions");
        return new TooLargeToCompile();
    }

    /** Unwinds a file's compile after {@link #tooLarge}; {@code ModuleLoader} stops at it. */
    static final class TooLargeToCompile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeToCompile() {
            super(null, null, false, false);
        }
    }

    private ChanBytecodeRootNode compileNamedFunction(FuncDeclContext f) {
        String name = f.fnName.getText();
        Scope saved = scope;
        scope = new Scope(null, name, false);
        List<ParamContext> params = f.params() == null ? List.of() : f.params().param();
        String returnType = annotatedType(f.ret);
        checkAnnotation(f.ret);
        // A REPL session may define the function anew while a call of the old one runs: its calls by
        // name are then not calls of itself, so they stay calls.
        Set<CallPostfixContext> tailCalls = repl == null ? TailCalls.of(f) : Set.of();
        ChanBytecodeRootNode root = buildRoot(f, entryChecks.readsDepth(f), () -> {
            boolean checksAtEntry = entryChecks.checksAtEntry(f);
            RecursionChecks.Saved outside = recursionChecks.enterFunction(f, checksAtEntry);
            List<BytecodeLocal> parameters = emitPrologue(params, name, checksAtEntry);
            if (tailCalls.isEmpty()) {
                statements.visitFunctionBody(f.block(), returnType);
            } else {
                statements.visitBodyWithTailCalls(f.block(), returnType, tailCalls, name, params, parameters, checksAtEntry);
            }
            recursionChecks.restore(outside);
        });
        scope = saved;
        root.setName(name);
        root.setArity(params.size());
        return root;
    }

    /**
     * Creates the parameter locals, checking annotated types, and charges the entry, with a quantum
     * check if {@code checksAtEntry} (EntryChecks; otherwise the calls that may recur check).
     */
    private List<BytecodeLocal> emitPrologue(List<ParamContext> params, String functionName, boolean checksAtEntry) {
        checkDistinct(params.stream().map(p -> p.name().getStart()).toList(), "parameter");
        List<BytecodeLocal> locals = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            ParamContext p = params.get(i);
            String name = p.name().getText();
            BytecodeLocal local = b.createLocal(name, null);
            locals.add(local);
            scope.declare(name, local, false);
            checkAnnotation(p);
            int index = i + 1;
            emitParameter(p, functionName, local, () -> b.emitTakeArgument(index)); // clears the entry: the local keeps the parameter
        }
        emitEntryCharge(checksAtEntry);
        return locals;
    }

    /**
     * Stores {@code value} in a parameter's local, checking its annotated type if it has one: at the
     * entry, and at a tail call of the function itself, which rebinds the parameters (TailCalls).
     */
    void emitParameter(ParamContext p, String functionName, BytecodeLocal local, Runnable value) {
        String name = p.name().getText();
        String type = annotatedType(p);
        b.beginStoreLocal(local);
        if (type != null) {
            beginSection(p); // a wrong argument is reported at its parameter's annotation
            b.beginCheckType(type, functionName + ": argument " + name);
        }
        value.run();
        if (type != null) {
            b.endCheckType();
            endSection();
        }
        b.endStoreLocal();
    }

    /** A function's entry: its charge, with a quantum check if {@code checksAtEntry} (EntryChecks). */
    void emitEntryCharge(boolean checksAtEntry) {
        if (checksAtEntry) {
            emitPoll(Costs.CALL);
        } else {
            b.emitCharge(Costs.CALL);
        }
    }

    void emitReturnNil() {
        b.beginReturn();
        b.emitLoadConstant(ChanNil.NIL);
        b.endReturn();
    }

    private ChanBytecodeRootNode compileModuleBody(ProgramContext program) {
        scope = new Scope(null, "<main>", true);
        ChanBytecodeRootNode root = buildRoot(program, true, () -> emitModuleBody(program));
        root.setName(moduleBodyName());
        return root;
    }

    /** The name the module's body has in stack traces. */
    private String moduleBodyName() {
        return module.name().equals("<main>") ? "<main>" : "<module " + module.name() + ">";
    }

    private void emitModuleBody(ProgramContext program) {
        b.beginIfThen();
        b.emitInitModule(module);
        emitReturnNil();
        b.endIfThen();
        if (repl != null) {
            loadReplVariables();
        }
        for (ChanFunction init : importedInits.values()) {
            emitSuspendable(() -> {
                b.beginCallAtDepth(false);
                b.emitLoadLocal(depth);
                b.emitLoadConstant(init);
                b.endCallAtDepth();
            });
        }
        ConstCycles.report(program, this::error);
        for (ConstStmtContext c : ConstOrder.of(program)) {
            beginSection(c); // a const's errors, e.g. a mutable value, point at it
            b.beginStoreGlobal(declarations.get(c.name().getText()).cell, true);
            constEvaluated = c.name().getText();
            visitExpr(c.expr());
            constEvaluated = null;
            b.endStoreGlobal();
            endSection();
        }
        StatementContext last = null;
        for (TopDeclContext top : program.topDecl()) {
            if (top.statement() != null && !(top.statement() instanceof ConstStmtContext)) {
                last = top.statement();
            }
        }
        for (TopDeclContext top : program.topDecl()) {
            if (top.statement() != null && !(top.statement() instanceof ConstStmtContext)) {
                if (repl != null && top.statement() == last && last instanceof ExprStmtContext e) {
                    emitReplResult(e);
                } else {
                    visitStatement(top.statement(), null);
                    if (repl != null) {
                        storeReplVariables();
                    }
                }
            }
        }
    }

    // ---- REPL inputs (see ReplBindings) ----

    /** Copies the session's variables into locals of an outer block, so this input's `let`s may shadow them. */
    private void loadReplVariables() {
        repl.liveVariables().forEach((name, cell) -> {
            if (!declaredHere.containsKey(name)) {
                BytecodeLocal local = b.createLocal(name, null);
                scope.declare(name, local, false);
                b.beginStoreLocal(local);
                b.emitLoadGlobal(cell);
                b.endStoreLocal();
            }
        });
        scope.pushBlock();
    }

    /** Writes every top-level variable visible now back to its cell, so it outlives the input. */
    private void storeReplVariables() {
        Set<String> names = new java.util.LinkedHashSet<>(repl.liveVariables().keySet());
        names.addAll(replLets);
        for (String name : names) {
            Scope.Local local = scope.findLocal(name);
            if (local != null && !declaredHere.containsKey(name)) {
                b.beginStoreGlobal(repl.cellFor(name), false);
                b.emitLoadLocal(local.local());
                b.endStoreGlobal();
            }
        }
    }

    /** The input ends with an expression: its value is the input's result, which the REPL prints. */
    private void emitReplResult(ExprStmtContext e) {
        BytecodeLocal result = b.createLocal();
        beginSection(e);
        b.beginStoreLocal(result);
        visitExpr(e.expr());
        b.endStoreLocal();
        endSection();
        storeReplVariables();
        b.beginReturn();
        b.emitLoadLocal(result);
        b.endReturn();
    }

    /**
     * Compiles a function expression or `start` block as a nested root and emits, in the enclosing
     * function, the closure that captures the values it uses.
     */
    void emitClosure(ParserRuleContext where, String name, List<ParamContext> params, String returnType, Runnable body) {
        Scope enclosing = scope;
        FunctionTemplate template = new FunctionTemplate(name, params.size());
        scope = new Scope(enclosing, name, false);
        // A function literal checks as a declaration does; a `start` block polls at its entry, as a
        // thread's first frame, and no call in it can recur to it.
        LambdaPrimaryContext lambda = where instanceof LambdaPrimaryContext l ? l : null;
        boolean checksAtEntry = lambda == null || entryChecks.checksAtEntry(lambda);
        // A `start` block passes its level (0, a thread's first) to every call but a built-in's.
        boolean readsDepth = lambda == null || entryChecks.readsDepth(lambda);
        ChanBytecodeRootNode root = statements.inNestedFunction(() -> buildRoot(where, readsDepth, () -> {
            RecursionChecks.Saved outside = recursionChecks.enterFunction(lambda, checksAtEntry);
            emitPrologue(params, name, checksAtEntry);
            body.run();
            recursionChecks.restore(outside);
        }));
        root.setName(name);
        root.setArity(params.size());
        template.setRoot(root);
        List<Scope.Ref> captured = capturedBy(root, scope.captures(), enclosing);
        scope = enclosing;
        b.beginMakeClosure(template);
        for (Scope.Ref outer : captured) {
            emitLoad(outer);
        }
        b.endMakeClosure();
    }

    /**
     * The enclosing function's variables a closure captures, in order: as its build found them, or,
     * when the enclosing root is built again (its closure's root is its first build's), found again
     * by the names the first build recorded.
     */
    private List<Scope.Ref> capturedBy(ChanBytecodeRootNode root, List<Scope.Capture> found, Scope enclosing) {
        if (reusing == null) {
            closureCaptures.put(root, found.stream().map(Scope.Capture::name).toList());
            return found.stream().map(Scope.Capture::outer).toList();
        }
        return closureCaptures.get(root).stream().map(enclosing::findVariable).toList();
    }

    // ---- suspension and preemption ----

    /**
     * Emits an operation that may suspend the thread, and the loop that carries the suspension up
     * to the caller and, on resume, resumes the callee (see ChanBytecodeRootNode). Leaves the
     * operation's final value on the stack.
     */
    void emitSuspendable(Runnable operation) {
        b.beginUnlessSuspended();
        operation.run();
        emitSuspensionLoop();
        b.endUnlessSuspended();
    }

    /**
     * As {@link #emitSuspendable}, for an operation that runs no guest code and so suspends only
     * with BLOCK, never with a callee's continuation: its result is compared with BLOCK alone.
     */
    void emitBlockable(Runnable operation) {
        b.beginUnlessBlocked();
        operation.run();
        emitSuspensionLoop();
        b.endUnlessBlocked();
    }

    /**
     * The second operand of UnlessSuspended and UnlessBlocked, and the body of emitPoll's `if`:
     * yields until the operation completes.
     */
    private void emitSuspensionLoop() {
        b.beginBlock(); // only when the operation suspended
        b.beginWhile();
        b.beginCarry();
        b.beginResumeCallee();
        b.beginYield(); // first, so that nothing lies under it on the operand stack (see ResumeCallee)
        b.emitCarried();
        b.endYield();
        b.emitCallee();
        b.endResumeCallee();
        b.endCarry();
        b.beginBlock();
        b.endBlock();
        b.endWhile();
        if (resumed != null) {
            b.beginStoreLocal(resumed);
            b.emitLoadConstant(true);
            b.endStoreLocal();
        }
        b.emitCarried();
        b.endBlock();
    }

    /**
     * Suspends for what an operation before this one left carried, and resumes: emitPoll's body
     * without its Poll. An outlined loop stopped for a preemption (its Poll carried BLOCK), and its
     * function suspends here in its stead.
     */
    void emitCarriedSuspension() {
        emitSuspensionLoop();
    }

    /** Charges the core for guest work and lets the scheduler preempt a thread that used its quantum. */
    void emitPoll(int cycles) {
        b.beginIfThen();
        b.emitPoll(cycles); // true: suspended, BLOCK carried
        emitSuspensionLoop();
        b.endIfThen();
    }

    // ---- statements (StatementCompiler) ----

    void visitStatements(List<StatementContext> list, String returnType) {
        statements.visitStatements(list, returnType);
    }

    void visitFunctionBody(BlockContext body, String returnType) {
        statements.visitFunctionBody(body, returnType);
    }

    void visitStatement(StatementContext s, String returnType) {
        statements.visitStatement(s, returnType);
    }

    /** `break` inside an option leaves the `choose`; `continue` goes on to the enclosing loop. */
    void withChooseBreak(BytecodeLabel end, Runnable body) {
        statements.withChooseBreak(end, body);
    }

    // ---- expressions (ExpressionCompiler) ----

    void visitExpr(ExprContext e) {
        expressions.visitExpr(e);
    }

    void visitPostfix(PostfixContext p) {
        expressions.visitPostfix(p);
    }

    /** `<-channel`; a thread blocked here is reported at the `<-` ({@code at}). */
    void emitReceive(ExprContext at, ExprContext channel) {
        expressions.emitReceive(at, channel);
    }

    ChanStructType structType(Token module, Token name) {
        return expressions.structType(module, name);
    }

    // ---- names ----

    /** Resolves a name used as a value, reporting the static errors of LANGUAGE.md §3. */
    Scope.Ref resolve(Token name) {
        String text = name.getText();
        Scope.Ref variable = scope.findVariable(text);
        if (variable != null) {
            return variable;
        }
        Declaration d = declarations.get(text);
        if (d != null) {
            return new Scope.Global(d);
        }
        if (topLevelLets.contains(text) && !insideModuleBody()) {
            error(name, "function '" + outermostFunctionName() + "' cannot use top-level variable '" + text
                            + "': pass it as an argument or make it a const");
            return null;
        }
        if (topLevelLets.contains(text) && constEvaluated != null) {
            error(name, "const '" + constEvaluated + "' cannot use top-level variable '" + text
                            + "': consts are evaluated before the module's statements; make it a const too");
            return null;
        }
        Builtin builtin = builtin(text);
        if (builtin != null) {
            return new Scope.Builtin(language.builtins().function(builtin));
        }
        boolean otherNil = switch (text) { case "None", "null", "NULL", "undefined", "nullptr" -> true; default -> false; };
        error(name, "undefined name '" + text + "'" + (otherNil ? ": Chan writes nil" : ""));
        return null;
    }

    /** Whether {@code name} resolves to a built-in (a constant): no variable, declaration or top-level `let` has it. */
    boolean isUnshadowedBuiltin(String name) {
        for (Scope s = scope; s != null; s = s.enclosing) {
            if (s.findLocal(name) != null || s.captured(name) != null) { // captured: an enclosing local, as a root built again knows it
                return false;
            }
        }
        return !declarations.containsKey(name) && !topLevelLets.contains(name) && builtin(name) != null;
    }

    /** Whether a name here is a const: a `const` of a block, or a top-level one that no variable hides. */
    boolean isConstName(String name) {
        for (Scope s = scope; s != null; s = s.enclosing) {
            Scope.Local local = s.findLocal(name);
            if (local != null) {
                return local.constant();
            }
            Scope.Captured captured = s.captured(name);
            if (captured != null) {
                return captured.constant();
            }
        }
        return !topLevelLets.contains(name) && declarations.get(name) instanceof Declaration d && d.kind == Declaration.Kind.CONST;
    }

    /** The built-in a call calls, if its callee is a bare name that is the built-in here; else null. */
    String calledBuiltin(CallPostfixContext call) {
        String name = calleeName(call);
        return name != null && isUnshadowedBuiltin(name) ? name : null;
    }

    /**
     * A call of a named function by its name (`f(x)` of this module's `fn f`, `m.f(x)` of an imported
     * module's) with another number of arguments than it has parameters is a static error, as in Go
     * and Erlang: the call could only fail. So is a call of a built-in by its name, where no
     * declaration or variable hides it, with a count of arguments it does not take. A callee known
     * only when the call runs (a variable, a parameter, a const) is checked then. A struct type or a
     * module called by its name is a static error too.
     */
    void checkArityOfNamedCall(CallPostfixContext call) {
        int given = call.args() == null ? 0 : call.args().expr().size();
        String name = calleeName(call);
        int arity = -1;
        if (name != null && scope.findVariable(name) == null && declarations.get(name) instanceof Declaration d
                        && (d.kind == Declaration.Kind.STRUCT || d.kind == Declaration.Kind.IMPORT)) {
            // Go's and Python's constructor call `Point(1, 2)`, or a module called: they never are functions.
            error(call.getStart(), d.kind == Declaration.Kind.STRUCT ? structCalled(name, (ChanStructType) d.staticValue)
                            : "cannot call module '" + name + "': not a function");
            return;
        }
        if (name != null && isUnshadowedBuiltin(name)) {
            String mismatch = builtin(name).arityError(given);
            if (mismatch != null) {
                error(call.getStart(), mismatch);
            }
            return;
        }
        if (name != null && scope.findVariable(name) == null && declarations.get(name) instanceof Declaration d
                        && d.kind == Declaration.Kind.FUNCTION) {
            arity = (Integer) d.staticValue;
        } else if (call.postfix() instanceof FieldPostfixContext fp && fp.postfix() instanceof PrimaryPostfixContext pp
                        && pp.primary() instanceof NamePrimaryContext np && scope.findVariable(np.name().getText()) == null
                        && declarations.get(np.name().getText()) instanceof Declaration d && d.kind == Declaration.Kind.IMPORT
                        && ((ChanModule) d.staticValue).memberReferredTo(fp.name().getText()) instanceof GlobalCell cell) { // compiled, if it is a stdlib function not yet
            if (cell.get() instanceof ChanStructType type) {
                error(call.getStart(), structCalled(np.name().getText() + "." + fp.name().getText(), type));
                return;
            }
            name = fp.name().getText();
            arity = cell.get() instanceof ChanFunction f ? f.arity() : -1; // a const's value is not known yet
        }
        if (arity >= 0 && arity != given) {
            error(call.getStart(), name + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + given);
        }
    }

    private static String structCalled(String written, ChanStructType type) {
        String fields = String.join(", ", java.util.Arrays.stream(type.fieldNames()).map(f -> f + ": …").toList());
        return "cannot call struct type '" + written + "': a struct is built as " + written + "{" + fields + "}";
    }

    /** The name a call's callee is, if it is a bare name ({@code f(x)}); else null. */
    static String calleeName(CallPostfixContext call) {
        if (call.postfix() instanceof PrimaryPostfixContext pp && pp.primary() instanceof NamePrimaryContext np) {
            return np.name().getText();
        }
        return null;
    }

    private boolean insideModuleBody() {
        Scope s = scope;
        while (s.enclosing != null) {
            s = s.enclosing;
        }
        return s.isModuleBody;
    }

    private String outermostFunctionName() {
        Scope s = scope;
        while (s.enclosing != null) {
            s = s.enclosing;
        }
        return s.functionName;
    }

    BytecodeLocal declareLocal(Token name, boolean constant) {
        BytecodeLocal local = b.createLocal(name.getText(), null);
        if (!scope.declare(name.getText(), local, constant)) {
            error(name, "'" + name.getText() + "' is already declared in this block");
        }
        return local;
    }

    void emitLoad(Scope.Ref ref) {
        switch (ref) {
            case Scope.Local l -> b.emitLoadLocal(l.local());
            case Scope.Captured c -> b.emitLoadCapture(c.index());
            case Scope.Global g -> {
                referTo(g.declaration());
                b.emitLoadGlobal(g.declaration().cell);
            }
            case Scope.Builtin bf -> b.emitLoadConstant(bf.function());
        }
    }

    // ---- positions and errors ----

    void beginSection(ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop() == null ? start : Math.max(start, ctx.getStop().getStopIndex());
        if (start < 0) {
            start = 0;
            stop = 0;
        }
        beginSection(start, stop - start + 1);
    }

    /**
     * Begins a source section of {@code length} characters at {@code start}; {@link #endSection}
     * ends it. The builder's {@code beginSourceSection} looks down its operation stack for the
     * enclosing Source operation, which costs the depth of the nesting: every {@link #SOURCE_EVERY}
     * levels of sections, the file is opened again as a Source around the section, so that a
     * generated expression 20 000 operators deep compiles in linear time, not quadratic.
     */
    void beginSection(int start, int length) {
        sections++;
        if (reopensSource()) {
            b.beginSource(source);
        }
        b.beginSourceSection(start, length);
    }

    void endSection() {
        b.endSourceSection();
        if (reopensSource()) {
            b.endSource();
        }
        sections--;
    }

    /** Whether the innermost open section is one that opened the Source again (its count within its root). */
    private boolean reopensSource() {
        return (sections - sectionsOfOuterRoots) % SOURCE_EVERY == 0;
    }

    /** What a blocked thread is doing, for deadlock reports: `receive at prog.chan:12:5`. */
    String site(String operation, ParserRuleContext at) {
        return operation + " at " + Positions.format(source, at.getStart().getLine(), at.getStart().getCharPositionInLine() + 1);
    }

    /** Whether an error was already reported at this token (so that one mistake is reported once). */
    boolean hasErrorAt(Token at) {
        return diagnostics.hasErrorAt(at.getLine(), at.getCharPositionInLine() + 1);
    }

    void error(Token at, String message) {
        diagnostics.add(source, at.getLine(), at.getCharPositionInLine() + 1, "error: " + message);
    }

}
