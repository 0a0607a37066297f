package chan.parser;

import chan.ChanLanguage;
import chan.grammar.ChanParser.*;
import chan.nodes.ChanBytecodeRootNode;
import chan.nodes.ChanBytecodeRootNodeGen;
import chan.nodes.ChanModule;
import chan.nodes.FunctionTemplate;
import chan.nodes.GlobalCell;
import chan.values.ChanFunction;
import chan.values.ChanNil;
import chan.values.ChanStructType;
import com.oracle.truffle.api.bytecode.BytecodeConfig;
import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.instrumentation.StandardTags.StatementTag;
import com.oracle.truffle.api.source.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
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
 * <p>This file holds declarations, functions and statements; expressions ({@link ExpressionCompiler}),
 * patterns ({@link PatternCompiler}), `choose` ({@link ChooseCompiler}) and the order of consts
 * ({@link ConstOrder}) have their own files.
 */
public final class ModuleCompiler {
    /** A top-level name of the module. */
    static final class Declaration {
        enum Kind { FUNCTION, CONST, STRUCT, IMPORT }

        final Kind kind;
        final String name;
        final GlobalCell cell;
        /** The struct type or imported module, known while compiling. */
        final Object staticValue;

        Declaration(Kind kind, String name, GlobalCell cell, Object staticValue) {
            this.kind = kind;
            this.name = name;
            this.cell = cell;
            this.staticValue = staticValue;
        }
    }

    /** A loop or `choose` that `break` (and, for loops, `continue`) can leave. */
    private record Breakable(BytecodeLabel breakLabel, BytecodeLabel continueLabel) {}

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
    Scope scope;
    private final Deque<Breakable> breakables = new ArrayDeque<>();
    final PatternCompiler patterns = new PatternCompiler(this);
    private final ExpressionCompiler expressions = new ExpressionCompiler(this);
    private final ChooseCompiler choose = new ChooseCompiler(this);

    ModuleCompiler(ChanLanguage language, Source source, ModuleLoader loader, Diagnostics diagnostics, ChanModule module) {
        this.language = language;
        this.source = source;
        this.loader = loader;
        this.diagnostics = diagnostics;
        this.module = module;
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

    /** Compiles the module and returns the function that initialises it (null after errors). */
    ChanFunction compile(ProgramContext program) {
        collectDeclarations(program);
        if (repl != null) {
            forgetRedefinedVariables();
        }
        for (TopDeclContext top : program.topDecl()) {
            if (top.funcDecl() != null) {
                functionRoots.put(top.funcDecl(), compileNamedFunction(top.funcDecl()));
            }
        }
        ChanBytecodeRootNode[] init = {compileModuleBody(program)};
        for (Map.Entry<FuncDeclContext, ChanBytecodeRootNode> e : functionRoots.entrySet()) {
            ChanBytecodeRootNode root = e.getValue();
            declarations.get(e.getKey().fnName.getText()).cell.set(new ChanFunction(root.getName(), root.arity(), root.getCallTarget(), null));
        }
        if (System.getenv("CHAN_DUMP_BYTECODE") != null) {
            functionRoots.values().forEach(r -> System.err.println(r.dump()));
            System.err.println(init[0].dump());
        }
        return new ChanFunction(init[0].getName(), 0, init[0].getCallTarget(), null);
    }

    // ---- declarations ----

    private void collectDeclarations(ProgramContext program) {
        for (TopDeclContext top : program.topDecl()) {
            if (top.importDecl() != null) {
                declareImport(top.importDecl());
            } else if (top.structDecl() != null) {
                StructDeclContext s = top.structDecl();
                String[] fields = s.IDENT().stream().skip(1).map(t -> t.getText()).toArray(String[]::new);
                checkDistinct(s.IDENT().stream().skip(1).map(t -> t.getSymbol()).toList(), "field");
                ChanStructType type = new ChanStructType(s.structName.getText(), fields);
                declare(s.structName, Declaration.Kind.STRUCT, type).cell.set(type);
            } else if (top.funcDecl() != null) {
                declare(top.funcDecl().fnName, Declaration.Kind.FUNCTION, null);
            } else if (top.statement() instanceof ConstStmtContext c) {
                declare(c.name().getStart(), Declaration.Kind.CONST, null);
            } else if (top.statement() instanceof LetStmtContext let) {
                topLevelLets.addAll(PatternCompiler.boundNames(let.pattern()));
                replLets.addAll(PatternCompiler.boundNames(let.pattern()));
            }
        }
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
            return;
        }
        Declaration d = declare(imp.alias != null ? imp.alias : (imp.modName != null ? imp.modName : imp.path), alias, Declaration.Kind.IMPORT, imported);
        d.cell.set(imported);
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
     * mixes up the continuation constants of several roots built by one builder.
     */
    private ChanBytecodeRootNode buildRoot(ParserRuleContext where, Runnable body) {
        ChanBytecodeRootNodeGen.Builder outer = b;
        ChanBytecodeRootNode[] root = new ChanBytecodeRootNode[1];
        ChanBytecodeRootNodeGen.create(language, BytecodeConfig.WITH_SOURCE, builder -> {
            b = builder;
            b.beginSource(source);
            beginSection(where);
            b.beginRoot();
            body.run();
            emitReturnNil();
            root[0] = b.endRoot();
            b.endSourceSection();
            b.endSource();
        });
        b = outer;
        return root[0];
    }

    private ChanBytecodeRootNode compileNamedFunction(FuncDeclContext f) {
        String name = f.fnName.getText();
        Scope saved = scope;
        scope = new Scope(null, name, false);
        List<ParamContext> params = f.params() == null ? List.of() : f.params().param();
        String returnType = f.ret == null ? null : f.ret.getText();
        ChanBytecodeRootNode root = buildRoot(f, () -> {
            emitPrologue(params, name);
            visitStatements(f.block().statement(), returnType);
        });
        scope = saved;
        root.setName(name);
        root.setArity(params.size());
        return root;
    }

    /** Creates the parameter locals, checking annotated types. */
    private void emitPrologue(List<ParamContext> params, String functionName) {
        checkDistinct(params.stream().map(p -> p.name().getStart()).toList(), "parameter");
        for (int i = 0; i < params.size(); i++) {
            ParamContext p = params.get(i);
            String name = p.name().getText();
            BytecodeLocal local = b.createLocal(name, null);
            scope.declare(name, local, false);
            String type = p.typeName() != null ? p.typeName().getText() : p.ATOM() != null ? p.ATOM().getText().substring(1) : null;
            b.beginStoreLocal(local);
            if (type != null) {
                beginSection(p); // a wrong argument is reported at its parameter's annotation
                b.beginCheckType(type, functionName + ": argument " + name);
            }
            b.emitTakeArgument(i + 1); // clears the entry: the local keeps the parameter
            if (type != null) {
                b.endCheckType();
                b.endSourceSection();
            }
            b.endStoreLocal();
        }
        emitPoll(Costs.CALL);
    }

    private void emitReturnNil() {
        b.beginReturn();
        b.emitLoadConstant(ChanNil.NIL);
        b.endReturn();
    }

    private ChanBytecodeRootNode compileModuleBody(ProgramContext program) {
        scope = new Scope(null, "<main>", true);
        ChanBytecodeRootNode root = buildRoot(program, () -> emitModuleBody(program));
        root.setName(module.name().equals("<main>") ? "<main>" : "<module " + module.name() + ">");
        return root;
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
                b.beginCall();
                b.emitLoadConstant(init);
                b.endCall();
            });
        }
        for (ConstStmtContext c : ConstOrder.of(program)) {
            beginSection(c); // a const's errors, e.g. a mutable value, point at it
            b.beginStoreGlobal(declarations.get(c.name().getText()).cell, true);
            visitExpr(c.expr());
            b.endStoreGlobal();
            b.endSourceSection();
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
        b.endSourceSection();
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
        Deque<Breakable> savedBreakables = new ArrayDeque<>(breakables);
        breakables.clear();
        ChanBytecodeRootNode root = buildRoot(where, () -> {
            emitPrologue(params, name);
            body.run();
        });
        breakables.addAll(savedBreakables);
        root.setName(name);
        root.setArity(params.size());
        template.setRoot(root);
        List<Scope.Capture> captures = scope.captures();
        scope = enclosing;
        b.beginMakeClosure(template);
        for (Scope.Capture c : captures) {
            emitLoad(c.outer());
        }
        b.endMakeClosure();
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
        b.emitCarried();
        b.endBlock();
        b.endUnlessSuspended();
    }

    /** Charges the core for guest work and lets the scheduler preempt a thread that used its quantum. */
    void emitPoll(int cycles) {
        emitSuspendable(() -> b.emitPoll(cycles));
    }

    // ---- statements ----

    void visitStatements(List<StatementContext> statements, String returnType) {
        for (StatementContext s : statements) {
            visitStatement(s, returnType);
        }
    }

    private void visitBlock(BlockContext block, String returnType) {
        b.beginBlock();
        scope.pushBlock();
        visitStatements(block.statement(), returnType);
        scope.popBlock();
        b.endBlock();
    }

    void visitStatement(StatementContext s, String returnType) {
        beginSection(s);
        if (s instanceof LetStmtContext || s instanceof ConstStmtContext || s instanceof EmptyStmtContext) {
            // A let or const tags the computing of its value (see tagStatement); an empty one has nothing to tag.
            emitStatement(s, returnType);
        } else {
            tagStatement(() -> emitStatement(s, returnType));
        }
        b.endSourceSection();
    }

    /**
     * Tags a statement for the Truffle tools (the debugger stops and steps at statements). A Tag
     * takes one child, hence the Block; a `let` cannot sit in a Block (its locals would end with it),
     * so it tags only the computing of its value.
     */
    private void tagStatement(Runnable statement) {
        b.beginTag(StatementTag.class);
        b.beginBlock();
        statement.run();
        b.endBlock();
        b.endTag(StatementTag.class);
    }

    private void emitStatement(StatementContext s, String returnType) {
        if (s instanceof LetStmtContext let) {
            visitLet(let.pattern(), let.expr(), false);
        } else if (s instanceof ConstStmtContext c) {
            visitLocalConst(c);
        } else if (s instanceof AssignStmtContext a) {
            visitAssign(a);
        } else if (s instanceof IfStmtContext i) {
            visitIf(i.ifStatement(), returnType);
        } else if (s instanceof WhileStmtContext w) {
            visitWhile(w, returnType);
        } else if (s instanceof ForStmtContext f) {
            visitFor(f, returnType);
        } else if (s instanceof BreakStmtContext br) {
            visitBreak(br, false);
        } else if (s instanceof ContinueStmtContext c) {
            visitBreak(c, true);
        } else if (s instanceof ReturnStmtContext r) {
            visitReturn(r, returnType);
        } else if (s instanceof ThrowStmtContext t) {
            b.beginThrow();
            visitExpr(t.expr());
            b.endThrow();
        } else if (s instanceof TryStmtContext t) {
            visitTry(t, returnType);
        } else if (s instanceof MatchStmtContext m) {
            visitMatch(m, returnType);
        } else if (s instanceof ChooseStmtContext c) {
            choose.compile(c, c.chooseOption(), false, returnType);
        } else if (s instanceof PriChooseStmtContext c) {
            choose.compile(c, c.chooseOption(), true, returnType);
        } else if (s instanceof SendStmtContext send) {
            emitSend(send.channel, send.value);
        } else if (s instanceof BlockStmtContext block) {
            visitBlock(block.block(), returnType);
        } else if (s instanceof ExprStmtContext e) {
            visitExpr(e.expr());
        } else if (!(s instanceof EmptyStmtContext)) {
            throw new IllegalStateException("unknown statement " + s.getClass());
        }
    }

    private void visitLet(PatternContext pattern, ExprContext value, boolean constant) {
        if (pattern instanceof BindPatternContext bind) {
            // Evaluate first: in `let x = x + 1` the right side sees the outer x.
            BytecodeLocal tmp = b.createLocal();
            tagStatement(() -> {
                b.beginStoreLocal(tmp);
                visitExpr(value);
                b.endStoreLocal();
            });
            String name = bind.name().getText();
            if (name.equals("_")) {
                return;
            }
            BytecodeLocal local = declareLocal(bind.name().getStart(), constant);
            b.beginStoreLocal(local);
            b.emitLoadLocal(tmp);
            b.endStoreLocal();
            return;
        }
        if (pattern instanceof TuplePatternContext pair && pair.pattern().size() == 2 && value instanceof RecvStatusExprContext receive) {
            visitLetReceiveWithStatus(pair, receive, constant);
            return;
        }
        BytecodeLocal subject = b.createLocal();
        tagStatement(() -> {
            b.beginStoreLocal(subject);
            visitExpr(value);
            b.endStoreLocal();
        });
        patterns.declareBindings(pattern, constant);
        b.beginIfThen();
        b.beginNot();
        patterns.emitTest(pattern, subject);
        b.endNot();
        b.beginMatchFailed("cannot destructure");
        b.emitLoadLocal(subject);
        b.endMatchFailed();
        b.endIfThen();
    }

    /**
     * `let (p, q) = <-?c`: matches p against the value received and q against its status directly,
     * without the pair `<-?c` would make (stored in the thread's frame, the pair would be an
     * allocation per receive). Same bindings, same order, same error as the general case.
     */
    private void visitLetReceiveWithStatus(TuplePatternContext pair, RecvStatusExprContext receive, boolean constant) {
        BytecodeLocal value = b.createLocal();
        BytecodeLocal ok = b.createLocal();
        tagStatement(() -> expressions.emitReceiveWithStatusInto(receive, value, ok));
        patterns.declareBindings(pair, constant);
        b.beginIfThen();
        b.beginNot();
        b.beginAnd();
        patterns.emitTest(pair.pattern(0), value);
        patterns.emitTest(pair.pattern(1), ok);
        b.endAnd();
        b.endNot();
        b.beginMatchFailed("cannot destructure");
        b.beginMakeTuple();
        b.emitLoadLocal(value);
        b.emitLoadLocal(ok);
        b.endMakeTuple();
        b.endMatchFailed();
        b.endIfThen();
    }

    BytecodeLocal declareLocal(Token name, boolean constant) {
        BytecodeLocal local = b.createLocal(name.getText(), null);
        if (!scope.declare(name.getText(), local, constant)) {
            error(name, "'" + name.getText() + "' is already declared in this block");
        }
        return local;
    }

    private void visitLocalConst(ConstStmtContext c) {
        if (isTopLevel(c)) {
            return; // module-level consts are evaluated first, by compileModuleBody
        }
        BytecodeLocal tmp = b.createLocal();
        tagStatement(() -> {
            b.beginStoreLocal(tmp);
            visitExpr(c.expr());
            b.endStoreLocal();
        });
        BytecodeLocal local = declareLocal(c.name().getStart(), true);
        b.beginStoreLocal(local);
        b.emitLoadLocal(tmp);
        b.endStoreLocal();
    }

    private static boolean isTopLevel(ParserRuleContext ctx) {
        return ctx.getParent() instanceof TopDeclContext;
    }

    private void visitAssign(AssignStmtContext a) {
        String op = a.op.getText();
        ExprContext target = a.target;
        if (target instanceof PostfixExprContext pe && pe.postfix() instanceof PrimaryPostfixContext pp && pp.primary() instanceof NamePrimaryContext np) {
            Token name = np.name().getStart();
            Scope.Ref ref = resolveForAssignment(name);
            if (!(ref instanceof Scope.Local local)) {
                return;
            }
            b.beginStoreLocal(local.local());
            if (op.equals("=")) {
                visitExpr(a.value);
            } else {
                emitCompound(op, new Operands(this).stable(() -> b.emitLoadLocal(local.local())), a.value);
            }
            b.endStoreLocal();
        } else if (target instanceof PostfixExprContext pe && pe.postfix() instanceof IndexPostfixContext ip) {
            BytecodeLocal container = b.createLocal();
            BytecodeLocal index = b.createLocal();
            b.beginStoreLocal(container);
            visitPostfix(ip.postfix());
            b.endStoreLocal();
            b.beginStoreLocal(index);
            visitExpr(ip.index);
            b.endStoreLocal();
            beginSection(a);
            Operands operands = new Operands(this).stable(() -> b.emitLoadLocal(container)).stable(() -> b.emitLoadLocal(index));
            if (op.equals("=")) {
                operands.expr(a.value);
            } else {
                operands.computed(() -> emitCompound(op, new Operands(this).computed(() -> {
                    b.beginIndex();
                    b.emitLoadLocal(container);
                    b.emitLoadLocal(index);
                    b.endIndex();
                }, false), a.value), Operands.mayBlock(a.value));
            }
            operands.emit(b::beginSetIndex, b::endSetIndex);
            b.endSourceSection();
        } else if (target instanceof PostfixExprContext pe && pe.postfix() instanceof FieldPostfixContext) {
            error(a.target.getStart(), "struct fields cannot be assigned: structs are immutable (use `r with {field: value}`)");
        } else {
            error(a.target.getStart(), "cannot assign to this expression");
        }
    }

    /** `target op= value`: the operator applied to the target's current value (the one operand so far) and the value. */
    private void emitCompound(String op, Operands current, ExprContext value) {
        String binary = op.substring(0, op.length() - 1); // `+=` is `+`
        current.expr(value).emit(() -> expressions.beginBinary(binary), () -> expressions.endBinary(binary));
    }

    private Scope.Ref resolveForAssignment(Token name) {
        String text = name.getText();
        Scope.Local local = scope.findLocal(text);
        if (local != null) {
            if (local.constant()) {
                error(name, "cannot assign to const '" + text + "'");
            }
            return local;
        }
        Scope.Ref ref = resolve(name);
        if (ref instanceof Scope.Captured) {
            error(name, "cannot assign to '" + text + "': it is captured from an enclosing function, and closures capture by value");
        } else if (ref instanceof Scope.Global g) {
            error(name, "cannot assign to " + kindName(g.declaration().kind) + " '" + text + "'");
        } else if (ref instanceof Scope.Builtin) {
            error(name, "cannot assign to built-in '" + text + "'");
        }
        return null;
    }

    private static String kindName(Declaration.Kind kind) {
        return switch (kind) {
            case FUNCTION -> "function";
            case CONST -> "const";
            case STRUCT -> "struct";
            case IMPORT -> "module";
        };
    }

    private void visitIf(IfStatementContext i, String returnType) {
        if (i.elseIf == null && i.elseBlock == null) {
            b.beginIfThen();
            emitCondition(i.cond);
            visitBlock(i.then, returnType);
            b.endIfThen();
        } else {
            b.beginIfThenElse();
            emitCondition(i.cond);
            visitBlock(i.then, returnType);
            if (i.elseIf != null) {
                beginSection(i.elseIf);
                visitIf(i.elseIf, returnType);
                b.endSourceSection();
            } else {
                visitBlock(i.elseBlock, returnType);
            }
            b.endIfThenElse();
        }
    }

    void emitCondition(ExprContext cond) {
        b.beginTruthy();
        visitExpr(cond);
        b.endTruthy();
    }

    private void visitWhile(WhileStmtContext w, String returnType) {
        b.beginBlock();
        BytecodeLabel breakLabel = b.createLabel();
        b.beginWhile();
        emitCondition(w.cond);
        emitLoopBody(breakLabel, () -> visitBlock(w.body, returnType));
        b.endWhile();
        b.emitLabel(breakLabel);
        b.endBlock();
    }

    /** A loop body with its `continue` label at the end, then the preemption check. */
    private void emitLoopBody(BytecodeLabel breakLabel, Runnable body) {
        b.beginBlock();
        BytecodeLabel continueLabel = b.createLabel();
        breakables.push(new Breakable(breakLabel, continueLabel));
        body.run();
        breakables.pop();
        b.emitLabel(continueLabel);
        emitPoll(Costs.LOOP);
        b.endBlock();
    }

    private void visitFor(ForStmtContext f, String returnType) {
        b.beginBlock();
        scope.pushBlock();
        BytecodeLabel breakLabel = b.createLabel();
        BytecodeLocal iterator = b.createLocal();
        BytecodeLocal element = b.createLocal();
        beginSection(f.iter);
        b.beginStoreLocal(iterator);
        b.beginMakeIter();
        visitExpr(f.iter);
        b.endMakeIter();
        b.endStoreLocal();
        b.endSourceSection();
        b.beginWhile();
        b.emitLoadConstant(true);
        emitLoopBody(breakLabel, () -> {
            beginSection(f.iter);
            // The next element first, into `element`: nothing lies under its yield (see Operands).
            b.beginStoreLocal(element);
            emitSuspendable(() -> {
                b.beginIterNext(site("receive (for loop)", f.iter));
                b.emitLoadLocal(iterator);
                b.endIterNext();
            });
            b.endStoreLocal();
            b.beginStoreLocal(element);
            b.beginIterAfter();
            b.emitLoadLocal(iterator);
            b.emitLoadLocal(element);
            b.endIterAfter();
            b.endStoreLocal();
            b.endSourceSection();
            b.beginIfThen();
            b.beginIsIterDone();
            b.emitLoadLocal(element);
            b.endIsIterDone();
            b.emitBranch(breakLabel);
            b.endIfThen();
            scope.pushBlock();
            bindPattern(f.pattern(), element, "for: cannot destructure");
            visitBlock(f.body, returnType);
            scope.popBlock();
        });
        b.endWhile();
        b.emitLabel(breakLabel);
        scope.popBlock();
        b.endBlock();
    }

    /** Binds a `for` or `catch` pattern to a value held in a local. */
    private void bindPattern(PatternContext pattern, BytecodeLocal value, String failure) {
        if (pattern instanceof BindPatternContext bind) {
            if (!bind.name().getText().equals("_")) {
                BytecodeLocal local = declareLocal(bind.name().getStart(), false);
                b.beginStoreLocal(local);
                b.emitLoadLocal(value);
                b.endStoreLocal();
            }
            return;
        }
        patterns.declareBindings(pattern, false);
        b.beginIfThen();
        b.beginNot();
        patterns.emitTest(pattern, value);
        b.endNot();
        b.beginMatchFailed(failure);
        b.emitLoadLocal(value);
        b.endMatchFailed();
        b.endIfThen();
    }

    private void visitBreak(ParserRuleContext s, boolean isContinue) {
        for (Breakable target : breakables) {
            if (!isContinue) {
                b.emitBranch(target.breakLabel());
                return;
            }
            if (target.continueLabel() != null) {
                b.emitBranch(target.continueLabel());
                return;
            }
        }
        error(s.getStart(), (isContinue ? "'continue'" : "'break'") + " outside a loop" + (isContinue ? "" : " or choose"));
    }

    /** `break` inside an option leaves the `choose`; `continue` goes on to the enclosing loop. */
    void withChooseBreak(BytecodeLabel end, Runnable body) {
        breakables.push(new Breakable(end, null));
        body.run();
        breakables.pop();
    }

    private void visitReturn(ReturnStmtContext r, String returnType) {
        b.beginReturn();
        if (returnType != null) {
            b.beginCheckType(returnType, scope.functionName + ": result");
        }
        if (r.expr() != null) {
            visitExpr(r.expr());
        } else {
            b.emitLoadConstant(ChanNil.NIL);
        }
        if (returnType != null) {
            b.endCheckType();
        }
        b.endReturn();
    }

    private void visitTry(TryStmtContext t, String returnType) {
        b.beginTryCatch();
        visitBlock(t.body, returnType);
        b.beginBlock();
        scope.pushBlock();
        BytecodeLocal caught = declareLocal(t.name().getStart(), false);
        b.beginStoreLocal(caught);
        b.beginCaughtValue();
        b.emitLoadException();
        b.endCaughtValue();
        b.endStoreLocal();
        visitBlock(t.handler, returnType);
        scope.popBlock();
        b.endBlock();
        b.endTryCatch();
    }

    private void visitMatch(MatchStmtContext m, String returnType) {
        b.beginBlock();
        BytecodeLocal subject = b.createLocal();
        b.beginStoreLocal(subject);
        visitExpr(m.subject);
        b.endStoreLocal();
        BytecodeLabel end = b.createLabel();
        for (MatchArmContext arm : m.matchArm()) {
            beginSection(arm);
            b.beginBlock();
            scope.pushBlock();
            patterns.declareBindings(arm.pattern(), false);
            b.beginIfThen();
            if (arm.guard != null) {
                b.beginAnd();
                patterns.emitTest(arm.pattern(), subject);
                visitExpr(arm.guard);
                b.endAnd();
            } else {
                b.beginTruthy();
                patterns.emitTest(arm.pattern(), subject);
                b.endTruthy();
            }
            b.beginBlock();
            visitStatement(arm.body, returnType);
            b.emitBranch(end);
            b.endBlock();
            b.endIfThen();
            scope.popBlock();
            b.endBlock();
            b.endSourceSection();
        }
        beginSection(m);
        b.beginMatchFailed("no match arm fits");
        b.emitLoadLocal(subject);
        b.endMatchFailed();
        b.endSourceSection();
        b.emitLabel(end);
        b.endBlock();
    }

    void emitSend(ExprContext channel, ExprContext value) {
        b.beginCheckSent();
        emitSuspendable(() -> {
            String site = site("send", channel);
            new Operands(this).expr(channel).expr(value).emit(() -> b.beginSend(site), b::endSend);
        });
        b.endCheckSent();
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
        ChanFunction builtin = language.builtins().lookup(text);
        if (builtin != null) {
            return new Scope.Builtin(builtin);
        }
        error(name, "undefined name '" + text + "'");
        return null;
    }

    /** Whether {@code name} resolves to a built-in (a constant): no variable, declaration or top-level `let` has it. */
    boolean isUnshadowedBuiltin(String name) {
        for (Scope s = scope; s != null; s = s.enclosing) {
            if (s.findLocal(name) != null) {
                return false;
            }
        }
        return !declarations.containsKey(name) && !topLevelLets.contains(name) && language.builtins().lookup(name) != null;
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

    void emitLoad(Scope.Ref ref) {
        switch (ref) {
            case Scope.Local l -> b.emitLoadLocal(l.local());
            case Scope.Captured c -> b.emitLoadCapture(c.index());
            case Scope.Global g -> b.emitLoadGlobal(g.declaration().cell);
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
        b.beginSourceSection(start, stop - start + 1);
    }

    /** What a blocked thread is doing, for deadlock reports: `receive at prog.chan:12:5`. */
    String site(String operation, ParserRuleContext at) {
        return operation + " at " + Diagnostics.name(source) + ":" + at.getStart().getLine() + ":" + (at.getStart().getCharPositionInLine() + 1);
    }

    void error(Token at, String message) {
        diagnostics.add(source, at.getLine(), at.getCharPositionInLine() + 1, "error: " + message);
    }

}
