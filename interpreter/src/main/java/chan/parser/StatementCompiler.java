package chan.parser;

import chan.grammar.ChanParser.*;
import chan.nodes.LoopExit;
import chan.nodes.OutlinedLoop;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.instrumentation.StandardTags.StatementTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Compiles statements for a {@link ModuleCompiler}: `let` and local consts, assignments, `if`,
 * loops with their `break` and `continue`, `return`, `throw`, `try`, `match`, sends, blocks and
 * expression statements; `choose` goes to a {@link ChooseCompiler}. Each statement is a
 * statement-tagged source section, so errors and the debugger point at it.
 *
 * <p>Like the other compilers of this package it holds a back-reference to its ModuleCompiler
 * ({@code c}): it emits into that compiler's current builder and scope ({@code c.b},
 * {@code c.scope}), which change while a nested function is built, and takes from it what is the
 * module's: name resolution and locals, suspensions and polls, expressions and patterns. Function
 * bodies, `start` blocks, the module's top-level statements and `choose` options reach it through
 * the ModuleCompiler's {@code visitStatement(s)}. It keeps the loops and `choose`s that a `break`
 * may leave; a nested function starts with none ({@link #inNestedFunction}).
 */
final class StatementCompiler {
    /** A loop or `choose` that `break` (and, for loops, `continue`) can leave. */
    private record Breakable(BytecodeLabel breakLabel, BytecodeLabel continueLabel) {}

    private final ModuleCompiler c;
    private final ChooseCompiler choose;
    private final Deque<Breakable> breakables = new ArrayDeque<>();

    /**
     * A `return` inside a counted loop (visitCountedWhile) leaves through the loop's settlement: the
     * value goes to {@code result}, {@code returning} is set, and the settlement returns it.
     */
    private record PendingReturn(BytecodeLocal returning, BytecodeLocal result, BytecodeLabel settle) {}

    private PendingReturn pendingReturn;

    /**
     * The calls of itself that the named function being compiled makes in tail position
     * (TailCalls), each compiled as a jump back to its start ({@code restart}) with its
     * {@code parameters} rebound; null outside such a function.
     */
    private record TailTarget(Set<CallPostfixContext> calls, String function, List<ParamContext> declared, List<BytecodeLocal> parameters,
                    boolean checksAtEntry, BytecodeLabel restart) {}

    private TailTarget tailTarget;

    /**
     * The loop that the root being built was outlined from (visitLoop), with the locals it was
     * given: its back-edge stops the loop and hands the locals back to its function, which calls it
     * again, if its thread is to be preempted (the function suspends first) or if the loop has been
     * resumed since its call (the root's ModuleCompiler.resumed): either way the loop goes on in a
     * fresh frame, not in a continuation (LoopExit). A `for` loop hands back its {@code cursor} too (its iterator, or a
     * range's next value and end: cursorSize), which the next call is given ({@code resumeCursor},
     * nil at the first) and goes on from. Null elsewhere.
     */
    private record Restart(StatementContext loop, List<BytecodeLocal> locals, List<BytecodeLocal> resumeCursor, List<BytecodeLocal> cursor) {
        /** What the back-edge hands back: the locals, then the cursor. */
        List<BytecodeLocal> state() {
            List<BytecodeLocal> state = new ArrayList<>(locals);
            state.addAll(cursor);
            return state;
        }
    }

    private Restart restart;

    StatementCompiler(ModuleCompiler compiler) {
        this.c = compiler;
        this.choose = new ChooseCompiler(compiler);
    }

    /** Compiles a nested function: the loops around it are not its own, so no `break` in it may leave them. */
    <T> T inNestedFunction(Supplier<T> compile) {
        Deque<Breakable> saved = new ArrayDeque<>(breakables);
        PendingReturn savedReturn = pendingReturn;
        TailTarget savedTail = tailTarget;
        Restart savedRestart = restart;
        breakables.clear();
        pendingReturn = null;
        tailTarget = null;
        restart = null;
        T result = compile.get();
        breakables.addAll(saved);
        pendingReturn = savedReturn;
        tailTarget = savedTail;
        restart = savedRestart;
        return result;
    }

    /**
     * The body of a named function that calls itself in tail position (TailCalls): a loop, which a
     * tail call continues with new parameters, and which the body leaves by returning.
     * <pre>
     * while (true) { body; return nil; restart: }
     * </pre>
     */
    void visitBodyWithTailCalls(BlockContext body, String returnType, Set<CallPostfixContext> calls, String function,
                    List<ParamContext> declared, List<BytecodeLocal> parameters, boolean checksAtEntry) {
        c.b.beginWhile();
        c.b.emitLoadConstant(true);
        c.b.beginBlock();
        BytecodeLabel restart = c.b.createLabel();
        tailTarget = new TailTarget(calls, function, declared, parameters, checksAtEntry, restart);
        visitStatements(body.statement(), returnType);
        tailTarget = null;
        emitEndOfBody(body, returnType);
        c.b.emitLabel(restart);
        c.b.endBlock();
        c.b.endWhile();
    }

    /**
     * The call, if {@code e} is one of the function's tail calls of itself (TailCalls). Never one
     * inside a counted loop ({@code pendingReturn}), whose `return` must settle the loop's count: a
     * call keeps a loop from counting anyway (CountedLoops).
     */
    private CallPostfixContext tailCall(ExprContext e) {
        if (tailTarget != null && pendingReturn == null && e instanceof PostfixExprContext p
                        && p.postfix() instanceof CallPostfixContext call && tailTarget.calls().contains(call)) {
            return call;
        }
        return null;
    }

    /**
     * A tail call of the function itself: what the call and the callee's entry would do to the clock
     * (the quantum check before a call that may recur, the entry's charge, in that order around the
     * arguments), then the parameters rebound (their annotated types checked, as at the entry) and
     * a jump to the start of the body. No frame, no
     * `--max-depth` level: the caller's frame becomes the callee's.
     */
    private void emitTailCall(CallPostfixContext call) {
        TailTarget target = tailTarget;
        c.beginSection(call);
        c.b.beginBlock();
        if (c.recursionChecks.checkBefore(call)) {
            c.emitPoll(0);
        }
        List<ExprContext> args = call.args() == null ? List.of() : call.args().expr();
        List<BytecodeLocal> values = new ArrayList<>();
        for (ExprContext arg : args) {
            BytecodeLocal value = c.b.createLocal();
            values.add(value);
            c.b.beginStoreLocal(value);
            c.visitExpr(arg);
            c.b.endStoreLocal();
        }
        for (int i = 0; i < values.size(); i++) {
            BytecodeLocal value = values.get(i);
            c.emitParameter(target.declared().get(i), target.function(), target.parameters().get(i), () -> c.b.emitLoadLocal(value));
        }
        c.emitEntryCharge(target.checksAtEntry());
        c.b.emitBranch(target.restart());
        c.b.endBlock();
        c.endSection();
    }

    /** A function's body: its statements, then its end ({@link #emitEndOfBody}). */
    void visitFunctionBody(BlockContext body, String returnType) {
        visitStatements(body.statement(), returnType);
        emitEndOfBody(body, returnType);
    }

    /**
     * Where a function falls off its closing brace: it returns nil, checked there against a
     * declared result type as a `return;` would be, so that `fn f() -> int { }` fails where it
     * returns instead of handing its caller a nil that is not an int.
     */
    private void emitEndOfBody(BlockContext body, String returnType) {
        if (returnType == null) {
            c.emitReturnNil();
            return;
        }
        Token brace = body.getStop();
        c.beginSection(brace.getStartIndex(), 1);
        c.b.beginReturn();
        c.b.beginCheckType(returnType, c.scope.functionName + ": result");
        c.b.emitLoadConstant(ChanNil.NIL);
        c.b.endCheckType();
        c.b.endReturn();
        c.endSection();
    }

    void visitStatements(List<StatementContext> statements, String returnType) {
        for (StatementContext s : statements) {
            visitStatement(s, returnType);
        }
    }

    private void visitBlock(BlockContext block, String returnType) {
        c.b.beginBlock();
        c.scope.pushBlock();
        RecursionChecks.Saved outside = c.recursionChecks.enterBlock();
        visitStatements(block.statement(), returnType);
        c.recursionChecks.restore(outside);
        c.scope.popBlock();
        c.b.endBlock();
    }

    void visitStatement(StatementContext s, String returnType) {
        c.beginSection(s);
        // The parts of a compound statement may not run: their checks count for nothing after them
        // (RecursionChecks). Only the statements that run whole are named, so that a new kind of
        // statement is compound, the safe side, until it is added here.
        boolean compound = !(s instanceof LetStmtContext || s instanceof ConstStmtContext || s instanceof AssignStmtContext
                        || s instanceof ExprStmtContext || s instanceof ReturnStmtContext || s instanceof ThrowStmtContext
                        || s instanceof SendStmtContext || s instanceof BreakStmtContext || s instanceof ContinueStmtContext
                        || s instanceof EmptyStmtContext || s instanceof BlockStmtContext);
        if ((s instanceof WhileStmtContext || s instanceof ForStmtContext) && c.recursionChecks.checkBeforeLoop(s)) {
            c.emitPoll(0);
        }
        boolean checkedBefore = compound && c.recursionChecks.enterConditional();
        if (s instanceof LetStmtContext || s instanceof ConstStmtContext || s instanceof EmptyStmtContext) {
            // A let or const tags the computing of its value (see tagStatement); an empty one has nothing to tag.
            emitStatement(s, returnType);
        } else {
            tagStatement(() -> emitStatement(s, returnType));
        }
        if (compound) {
            c.recursionChecks.leaveConditional(checkedBefore);
        }
        c.endSection();
    }

    /**
     * Tags a statement for the Truffle tools (the debugger stops and steps at statements). A Tag
     * takes one child, hence the Block; a `let` cannot sit in a Block (its locals would end with it),
     * so it tags only the computing of its value.
     */
    private void tagStatement(Runnable statement) {
        c.b.beginTag(StatementTag.class);
        c.b.beginBlock();
        statement.run();
        c.b.endBlock();
        c.b.endTag(StatementTag.class);
    }

    private void emitStatement(StatementContext s, String returnType) {
        if (s instanceof LetStmtContext let) {
            visitLet(let.pattern(), let.expr(), false);
        } else if (s instanceof ConstStmtContext decl) {
            visitLocalConst(decl);
        } else if (s instanceof AssignStmtContext a) {
            visitAssign(a);
        } else if (s instanceof IfStmtContext i) {
            visitIf(i.ifStatement(), returnType);
        } else if (s instanceof WhileStmtContext w) {
            visitLoop(s, returnType, () -> visitWhile(w, returnType));
        } else if (s instanceof ForStmtContext f) {
            visitLoop(s, returnType, () -> visitFor(f, returnType));
        } else if (s instanceof BreakStmtContext br) {
            visitBreak(br, false);
        } else if (s instanceof ContinueStmtContext cont) {
            visitBreak(cont, true);
        } else if (s instanceof ReturnStmtContext r) {
            visitReturn(r, returnType);
        } else if (s instanceof ThrowStmtContext t) {
            c.b.beginThrow();
            c.visitExpr(t.expr());
            c.b.endThrow();
        } else if (s instanceof TryStmtContext t) {
            visitTry(t, returnType);
        } else if (s instanceof MatchStmtContext m) {
            visitMatch(m, returnType);
        } else if (s instanceof ChooseStmtContext ch) {
            choose.compile(ch, ch.chooseOption(), false, returnType);
        } else if (s instanceof PriChooseStmtContext ch) {
            choose.compile(ch, ch.chooseOption(), true, returnType);
        } else if (s instanceof SendStmtContext send) {
            emitSend(send.channel, send.value);
        } else if (s instanceof BlockStmtContext block) {
            visitBlock(block.block(), returnType);
        } else if (s instanceof ExprStmtContext e) {
            CallPostfixContext tail = tailCall(e.expr());
            if (tail != null) {
                emitTailCall(tail);
            } else {
                c.visitExpr(e.expr());
            }
        } else if (!(s instanceof EmptyStmtContext)) {
            throw new IllegalStateException("unknown statement " + s.getClass());
        }
    }

    private void visitLet(PatternContext pattern, ExprContext value, boolean constant) {
        if (pattern instanceof BindPatternContext bind) {
            // Evaluate first: in `let x = x + 1` the right side sees the outer x.
            BytecodeLocal tmp = c.b.createLocal();
            tagStatement(() -> {
                c.b.beginStoreLocal(tmp);
                c.visitExpr(value);
                c.b.endStoreLocal();
            });
            String name = bind.name().getText();
            if (name.equals("_")) {
                return;
            }
            BytecodeLocal local = c.declareLocal(bind.name().getStart(), constant);
            c.b.beginStoreLocal(local);
            c.b.emitLoadLocal(tmp);
            c.b.endStoreLocal();
            return;
        }
        if (pattern instanceof TuplePatternContext pair && pair.pattern().size() == 2 && value instanceof RecvStatusExprContext receive) {
            visitLetReceiveWithStatus(pair, receive, constant);
            return;
        }
        BytecodeLocal subject = c.b.createLocal();
        tagStatement(() -> {
            c.b.beginStoreLocal(subject);
            c.visitExpr(value);
            c.b.endStoreLocal();
        });
        c.patterns.declareBindings(pattern, constant);
        c.b.beginIfThen();
        c.b.beginNot();
        c.patterns.emitTest(pattern, subject);
        c.b.endNot();
        c.beginSection(pattern); // reported at the pattern the value does not fit, not at the `let`
        c.b.beginMatchFailed("cannot destructure");
        c.b.emitLoadLocal(subject);
        c.b.endMatchFailed();
        c.endSection();
        c.b.endIfThen();
    }

    /**
     * `let (p, q) = <-?c`: matches p against the value received and q against its status directly,
     * without the pair `<-?c` would make (stored in the thread's frame, the pair would be an
     * allocation per receive). Same bindings, same order, same error as the general case.
     */
    private void visitLetReceiveWithStatus(TuplePatternContext pair, RecvStatusExprContext receive, boolean constant) {
        BytecodeLocal value = c.b.createLocal();
        BytecodeLocal ok = c.b.createLocal();
        tagStatement(() -> c.expressions.emitReceiveWithStatusInto(receive, value, ok));
        c.patterns.declareBindings(pair, constant);
        c.b.beginIfThen();
        c.b.beginNot();
        c.b.beginAnd();
        c.patterns.emitTest(pair.pattern(0), value);
        c.patterns.emitTest(pair.pattern(1), ok);
        c.b.endAnd();
        c.b.endNot();
        c.beginSection(pair); // at the pattern, as in the general case
        c.b.beginMatchFailed("cannot destructure");
        c.b.beginMakeTuple();
        c.b.emitLoadLocal(value);
        c.b.emitLoadLocal(ok);
        c.b.endMakeTuple();
        c.b.endMatchFailed();
        c.endSection();
        c.b.endIfThen();
    }

    private void visitLocalConst(ConstStmtContext decl) {
        if (isTopLevel(decl)) {
            return; // module-level consts are evaluated first, by ModuleCompiler.emitModuleBody
        }
        BytecodeLocal tmp = c.b.createLocal();
        tagStatement(() -> {
            c.b.beginStoreLocal(tmp);
            c.visitExpr(decl.expr());
            c.b.endStoreLocal();
        });
        BytecodeLocal local = c.declareLocal(decl.name().getStart(), true);
        c.b.beginStoreLocal(local);
        c.b.emitLoadLocal(tmp);
        c.b.endStoreLocal();
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
            Long amount = intLiteral(a.value);
            if (amount != null && (op.equals("+=") || op.equals("-="))) {
                c.b.emitAddToLocal(local.local(), amount, op.equals("-="));
                return;
            }
            c.b.beginStoreLocal(local.local());
            if (op.equals("=")) {
                c.visitExpr(a.value);
            } else {
                emitCompound(op, new Operands(c).stable(() -> c.b.emitLoadLocal(local.local())), a.value);
            }
            c.b.endStoreLocal();
        } else if (target instanceof PostfixExprContext pe && pe.postfix() instanceof IndexPostfixContext ip) {
            BytecodeLocal container = c.b.createLocal();
            BytecodeLocal index = c.b.createLocal();
            c.b.beginStoreLocal(container);
            c.visitPostfix(ip.postfix());
            c.b.endStoreLocal();
            c.b.beginStoreLocal(index);
            c.visitExpr(ip.index);
            c.b.endStoreLocal();
            c.beginSection(a);
            Operands operands = new Operands(c).stable(() -> c.b.emitLoadLocal(container)).stable(() -> c.b.emitLoadLocal(index));
            if (op.equals("=")) {
                operands.expr(a.value);
            } else {
                operands.computed(() -> emitCompound(op, new Operands(c).computed(() -> {
                    c.b.beginIndex();
                    c.b.emitLoadLocal(container);
                    c.b.emitLoadLocal(index);
                    c.b.endIndex();
                }, false), a.value), c.blocking.mayBlock(a.value));
            }
            operands.emit(c.b::beginSetIndex, c.b::endSetIndex);
            c.endSection();
        } else if (target instanceof PostfixExprContext pe && pe.postfix() instanceof FieldPostfixContext field) {
            if (field.postfix() instanceof PrimaryPostfixContext pp && pp.primary() instanceof NamePrimaryContext np
                            && c.scope.findVariable(np.getText()) == null && c.declarations.get(np.getText()) instanceof ModuleCompiler.Declaration d
                            && d.kind == ModuleCompiler.Declaration.Kind.IMPORT) {
                c.error(a.target.getStart(), "cannot assign to " + field.getText() + ": a module's functions, consts and structs cannot be assigned");
            } else {
                c.error(a.target.getStart(), "struct fields cannot be assigned: structs are immutable (use `r with {field: value}`)");
            }
        } else {
            c.error(a.target.getStart(), "cannot assign to this expression");
        }
    }

    /** The value of {@code e} if it is an int literal within 64 bits, else null. */
    private static Long intLiteral(ExprContext e) {
        if (e instanceof PostfixExprContext pe && pe.postfix() instanceof PrimaryPostfixContext pp
                        && pp.primary() instanceof LiteralPrimaryContext lit && lit.literal().INT() != null
                        && Literals.value(lit.literal()) instanceof Long value) {
            return value;
        }
        return null;
    }

    /** `target op= value`: the operator applied to the target's current value (the one operand so far) and the value. */
    private void emitCompound(String op, Operands current, ExprContext value) {
        String binary = op.substring(0, op.length() - 1); // `+=` is `+`
        current.expr(value).emit(() -> c.expressions.beginBinary(binary), () -> c.expressions.endBinary(binary));
    }

    private Scope.Ref resolveForAssignment(Token name) {
        String text = name.getText();
        Scope.Local local = c.scope.findLocal(text);
        if (local != null) {
            if (local.constant()) {
                c.error(name, "cannot assign to const '" + text + "'");
            }
            return local;
        }
        Scope.Ref ref = c.resolve(name);
        if (ref instanceof Scope.Captured) {
            c.error(name, "cannot assign to '" + text + "': it is captured from an enclosing function, and closures capture by value");
        } else if (ref instanceof Scope.Global g) {
            c.error(name, "cannot assign to " + kindName(g.declaration().kind) + " '" + text + "'");
        } else if (ref instanceof Scope.Builtin) {
            c.error(name, "cannot assign to built-in '" + text + "'");
        }
        return null;
    }

    private static String kindName(ModuleCompiler.Declaration.Kind kind) {
        return switch (kind) {
            case FUNCTION -> "function";
            case CONST -> "const";
            case STRUCT -> "struct";
            case IMPORT -> "module";
        };
    }

    private void visitIf(IfStatementContext i, String returnType) {
        if (i.elseIf == null && i.elseBlock == null) {
            c.b.beginIfThen();
            emitCondition(i.cond);
            visitBlock(i.then, returnType);
            c.b.endIfThen();
        } else {
            c.b.beginIfThenElse();
            emitCondition(i.cond);
            visitBlock(i.then, returnType);
            if (i.elseIf != null) {
                c.beginSection(i.elseIf);
                visitIf(i.elseIf, returnType);
                c.endSection();
            } else {
                visitBlock(i.elseBlock, returnType);
            }
            c.b.endIfThenElse();
        }
    }

    /** A condition as the bool an `if` or `while` tests: its truth, unless it is a bool already. */
    private void emitCondition(ExprContext cond) {
        if (ExpressionCompiler.yieldsBool(cond)) {
            c.visitExpr(cond);
            return;
        }
        c.b.beginTruthy();
        c.visitExpr(cond);
        c.b.endTruthy();
    }

    /** A loop: outlined into a root of its own where it may be (OutlinedLoops), else compiled in place. */
    private void visitLoop(StatementContext loop, String returnType, Runnable compileInPlace) {
        if (!c.outlines(loop) || !OutlinedLoops.mayOutline(loop, tailTarget == null ? Set.of() : tailTarget.calls())) {
            compileInPlace.run();
            return;
        }
        List<Scope.Local> named = OutlinedLoops.namedLocals(loop, c.scope);
        int cursorSize = cursorSize(loop);
        OutlinedLoop target = new OutlinedLoop();
        target.setRoot(inNestedFunction(() -> c.buildLoopRoot(loop, named.size() + cursorSize + 1, () -> {
            List<BytecodeLocal> locals = new ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                Scope.Local outer = named.get(i);
                BytecodeLocal local = c.b.createLocal(outer.name(), null);
                c.scope.declare(outer.name(), local, outer.constant());
                c.emitTakeArgument(local, i + 1);
                locals.add(local);
            }
            List<BytecodeLocal> resumeCursor = new ArrayList<>();
            for (int i = 0; i < cursorSize; i++) {
                resumeCursor.add(c.b.createLocal());
                c.emitTakeArgument(resumeCursor.get(i), named.size() + i + 1);
            }
            c.resumed = c.b.createLocal();
            c.b.beginStoreLocal(c.resumed);
            c.b.emitLoadConstant(false);
            c.b.endStoreLocal();
            restart = new Restart(loop, locals, resumeCursor, new ArrayList<>());
            compileInPlace.run();
            emitLoopExit(locals, LoopExit.ENDED);
        })));
        emitLoopCall(loop, target, named, cursorSize);
    }

    /**
     * How many hidden locals hold a loop's place between two steps (Restart's cursor): none for a
     * `while`, the next value and the end for a `for` over a range with a literal step
     * (visitForRange), the iterator for any other `for`.
     */
    private int cursorSize(StatementContext loop) {
        if (!(loop instanceof ForStmtContext f)) {
            return 0;
        }
        return countedStep(f) != null ? 2 : 1;
    }

    /**
     * A `for` loop's start, in its outlined root (Restart): its cursor given back by the call
     * ({@code restart.resumeCursor()}), or at the first call, when that is nil, the cursor made
     * afresh by {@code start}; {@code cursor} are the loop's own locals that hold it.
     */
    private void emitCursorStart(ForStmtContext f, List<BytecodeLocal> cursor, Runnable start) {
        Restart resuming = restart != null && restart.loop() == f ? restart : null;
        if (resuming == null) {
            start.run();
            return;
        }
        c.b.beginIfThenElse();
        c.b.beginEqual();
        c.b.emitLoadLocal(resuming.resumeCursor().get(0));
        c.b.emitLoadConstant(ChanNil.NIL);
        c.b.endEqual();
        c.b.beginBlock();
        start.run();
        c.b.endBlock();
        c.b.beginBlock();
        for (int i = 0; i < cursor.size(); i++) {
            c.b.beginStoreLocal(cursor.get(i));
            c.b.emitLoadLocal(resuming.resumeCursor().get(i));
            c.b.endStoreLocal();
        }
        c.b.endBlock();
        c.b.endIfThenElse();
        resuming.cursor().addAll(cursor);
    }

    /** An outlined loop's end, or its stop to be called again ({@code how}: LoopExit): returns the locals it was given. */
    private void emitLoopExit(List<BytecodeLocal> locals, int how) {
        c.b.beginReturn();
        c.b.beginMakeLoopExit(how);
        locals.forEach(c.b::emitLoadLocal);
        c.b.endMakeLoopExit();
        c.b.endReturn();
    }

    /**
     * The back-edge's charge and quantum check of the loop the root being built was outlined from
     * ({@link #restart}): a preemption, or a resume since the loop's call, hands the locals back to
     * the function, which calls the loop again (after suspending, for a preemption). Elsewhere, the
     * usual poll.
     */
    private void emitBackEdgePoll(StatementContext loop, int cycles) {
        if (restart == null || restart.loop() != loop) {
            c.emitPoll(cycles);
            return;
        }
        c.b.beginIfThen();
        c.b.emitPoll(cycles); // true: to be preempted, BLOCK carried (the function suspends with it)
        emitLoopExit(restart.state(), LoopExit.PREEMPTED);
        c.b.endIfThen();
        c.b.beginIfThen();
        c.b.emitLoadLocal(c.resumed); // never true in the loop's own compiled code: only a continuation sets it
        emitLoopExit(restart.state(), LoopExit.RESUMED);
        c.b.endIfThen();
    }

    /**
     * Calls an outlined loop (visitLoop) and takes what it leaves: the function's locals it was
     * given, stored back, or the value of a `return` in it, returned.
     */
    private void emitLoopCall(StatementContext loop, OutlinedLoop target, List<Scope.Local> named, int cursorSize) {
        c.b.beginBlock();
        BytecodeLocal result = c.b.createLocal();
        BytecodeLabel done = c.b.createLabel();
        List<BytecodeLocal> cursor = new ArrayList<>(); // nil: the loop starts its own
        for (int i = 0; i < cursorSize; i++) {
            cursor.add(c.b.createLocal());
            c.b.beginStoreLocal(cursor.get(i));
            c.b.emitLoadConstant(ChanNil.NIL);
            c.b.endStoreLocal();
        }
        // while (true) { call; store back; if (!restarts) break; keep the cursor; if (preempted) suspend }
        c.b.beginWhile();
        c.b.emitLoadConstant(true);
        c.b.beginBlock();
        c.b.beginStoreLocal(result);
        c.emitSuspendable(() -> {
            c.b.beginCallLoop(target);
            named.forEach(local -> c.b.emitLoadLocal(local.local()));
            cursor.forEach(c.b::emitLoadLocal);
            if (c.depth != null) {
                c.b.emitLoadLocal(c.depth);
            }
            c.b.endCallLoop();
        });
        c.b.endStoreLocal();
        if (CountedLoops.containsReturn(loop)) {
            c.b.beginIfThen();
            c.b.beginNot();
            c.b.beginIsLoopExit();
            c.b.emitLoadLocal(result);
            c.b.endIsLoopExit();
            c.b.endNot();
            emitReturnOf(result); // checked against the result type in the loop already
            c.b.endIfThen();
        }
        for (int i = 0; i < named.size(); i++) {
            if (!named.get(i).constant()) {
                emitTakeExitValue(named.get(i).local(), result, i);
            }
        }
        c.b.beginIfThenElse();
        c.b.beginIsLoopRestart();
        c.b.emitLoadLocal(result);
        c.b.endIsLoopRestart();
        c.b.beginBlock();
        for (int i = 0; i < cursorSize; i++) {
            emitTakeExitValue(cursor.get(i), result, named.size() + i);
        }
        c.b.beginIfThen();
        c.b.beginIsLoopPreempted();
        c.b.emitLoadLocal(result);
        c.b.endIsLoopPreempted();
        c.emitCarriedSuspension();
        c.b.endIfThen();
        c.b.endBlock();
        c.b.emitBranch(done);
        c.b.endIfThenElse();
        c.b.endBlock();
        c.b.endWhile();
        c.b.emitLabel(done);
        c.b.endBlock();
    }

    /** Stores value {@code index} of the LoopExit in {@code exit} into {@code local}. */
    private void emitTakeExitValue(BytecodeLocal local, BytecodeLocal exit, int index) {
        c.b.beginStoreLocal(local);
        c.b.beginLoopExitValue(index);
        c.b.emitLoadLocal(exit);
        c.b.endLoopExitValue();
        c.b.endStoreLocal();
    }

    /** Returns the value in {@code value}; no counted loop encloses a loop (CountedLoops), so it settles none. */
    private void emitReturnOf(BytecodeLocal value) {
        if (pendingReturn != null) {
            throw new IllegalStateException("a loop inside a counted loop");
        }
        c.b.beginReturn();
        c.b.emitLoadLocal(value);
        c.b.endReturn();
    }

    private void visitWhile(WhileStmtContext w, String returnType) {
        if (CountedLoops.cannotSeeClock(w, c::calledBuiltin)) {
            visitCountedWhile(w, returnType);
            return;
        }
        c.b.beginBlock();
        BytecodeLabel breakLabel = c.b.createLabel();
        c.b.beginWhile();
        emitCondition(w.cond);
        emitLoopBody(w, breakLabel, () -> visitBlock(w.body, returnType));
        c.b.endWhile();
        c.b.emitLabel(breakLabel);
        c.b.endBlock();
    }

    /**
     * A `while` over a range of numbers whose condition and body can neither see nor move the clock
     * (CountedLoops): its back-edges' cycles are counted down in a local from the budget left in the
     * quantum (Meter.loopBudget) instead of being charged to the core one by one, and the count is
     * added to the clock before the quantum check and wherever the loop is left, so the clock is exact
     * wherever anything could see it. The budget's test comes first in the inner loop, which the
     * compiler then sees as a counted loop of at most a quantum's iterations: no safepoint checks at
     * its back-edge, no store of the clock. Both ways out of the inner loop share one settlement (two
     * would be merged by the compiler and computed at every iteration); budget left over means the
     * loop itself ended (its condition or a `break`: both come before the back-edge's spend).
     * <pre>
     * start = left = LoopBudget
     * while (true) {
     *     try {
     *         while (HasLoopBudget(left)) { if (!cond) goto settle; body; continue: left = SpendLoopBudget(left) }
     *     } catch (e) { SettleLoopBudget(start, left); Rethrow(e) }  // a `catch` further out sees the clock
     *     settle: SettleLoopBudget(start, left)
     *     if (returning) return result     // `return v` in the body: result = v; returning = true; goto settle
     *     if (HasLoopBudget(left)) goto out
     *     Poll(0)                          // the quantum check, at the clock the charges would give
     *     start = left = LoopBudget
     * }
     * out:
     * </pre>
     */
    private void visitCountedWhile(WhileStmtContext w, String returnType) {
        emitCountedLoop(w, () -> c.visitExpr(w.cond), () -> visitBlock(w.body, returnType), CountedLoops.containsReturn(w.body));
    }

    /**
     * A counted loop (visitCountedWhile) whose head's test is {@code cond}, a value whose falsity
     * ends the loop, and whose iteration is {@code body}; {@code returns}: whether the body holds a
     * `return`.
     */
    private void emitCountedLoop(StatementContext loop, Runnable cond, Runnable body, boolean returns) {
        c.b.beginBlock();
        BytecodeLocal start = c.b.createLocal();
        BytecodeLocal left = c.b.createLocal();
        BytecodeLabel out = c.b.createLabel();
        emitReadBudget(start, left);
        c.b.beginWhile();
        c.b.emitLoadConstant(true);
        c.b.beginBlock();
        BytecodeLabel settle = c.b.createLabel();
        PendingReturn pending = null;
        if (returns) {
            pending = new PendingReturn(c.b.createLocal(), c.b.createLocal(), settle);
            c.b.beginStoreLocal(pending.returning());
            c.b.emitLoadConstant(false);
            c.b.endStoreLocal();
        }
        c.b.beginTryCatch(); // an error leaving the loop settles too: a `catch` further out sees the clock
        c.b.beginWhile();
        emitHasBudget(left);
        c.b.beginBlock();
        c.b.beginIfThen();
        c.b.beginNot(); // Not takes any value's truth: no Truthy under it
        cond.run();
        c.b.endNot();
        c.b.emitBranch(settle);
        c.b.endIfThen();
        BytecodeLabel continueLabel = c.b.createLabel();
        breakables.push(new Breakable(settle, continueLabel));
        PendingReturn outerReturn = pendingReturn;
        pendingReturn = pending;
        body.run();
        pendingReturn = outerReturn;
        breakables.pop();
        c.b.emitLabel(continueLabel);
        c.b.emitSpendLoopBudget(left, Costs.LOOP);
        c.b.endBlock();
        c.b.endWhile();
        c.b.beginBlock();
        emitSettle(start, left);
        c.b.beginRethrow();
        c.b.emitLoadException();
        c.b.endRethrow();
        c.b.endBlock();
        c.b.endTryCatch();
        c.b.emitLabel(settle);
        emitSettle(start, left);
        if (pending != null) {
            c.b.beginIfThen();
            c.b.emitLoadLocal(pending.returning());
            c.b.beginReturn();
            c.b.emitLoadLocal(pending.result());
            c.b.endReturn();
            c.b.endIfThen();
        }
        c.b.beginIfThen();
        emitHasBudget(left);
        c.b.emitBranch(out);
        c.b.endIfThen();
        emitBackEdgePoll(loop, 0);
        emitReadBudget(start, left);
        c.b.endBlock();
        c.b.endWhile();
        c.b.emitLabel(out);
        c.b.endBlock();
    }

    private void emitSettle(BytecodeLocal start, BytecodeLocal left) {
        c.b.beginSettleLoopBudget();
        c.b.emitLoadLocal(start);
        c.b.emitLoadLocal(left);
        c.b.endSettleLoopBudget();
    }

    private void emitHasBudget(BytecodeLocal left) {
        c.b.emitHasLoopBudget(left);
    }

    private void emitReadBudget(BytecodeLocal start, BytecodeLocal left) {
        c.b.beginStoreLocal(start);
        c.b.emitLoopBudget(Costs.LOOP);
        c.b.endStoreLocal();
        c.b.beginStoreLocal(left);
        c.b.emitLoadLocal(start);
        c.b.endStoreLocal();
    }

    /** A loop body with its `continue` label at the end, then the preemption check (emitBackEdgePoll). */
    private void emitLoopBody(StatementContext loop, BytecodeLabel breakLabel, Runnable body) {
        c.b.beginBlock();
        BytecodeLabel continueLabel = c.b.createLabel();
        breakables.push(new Breakable(breakLabel, continueLabel));
        body.run();
        breakables.pop();
        c.b.emitLabel(continueLabel);
        emitBackEdgePoll(loop, Costs.LOOP);
        c.b.endBlock();
    }

    /**
     * The step of a `for (x in range(...))` that visitForRange counts without a cursor (literalStep:
     * a literal step, a plain name to bind), or null.
     */
    private Long countedStep(ForStmtContext f) {
        CallPostfixContext range = rangeCall(f.iter);
        return range != null && f.pattern() instanceof BindPatternContext ? literalStep(range.args().expr()) : null;
    }

    private void visitFor(ForStmtContext f, String returnType) {
        CallPostfixContext range = rangeCall(f.iter);
        Long step = countedStep(f);
        if (step != null) {
            visitForRange(f, range, step, (BindPatternContext) f.pattern(), returnType);
            return;
        }
        c.b.beginBlock();
        c.scope.pushBlock();
        BytecodeLabel breakLabel = c.b.createLabel();
        BytecodeLocal iterator = c.b.createLocal();
        emitCursorStart(f, List.of(iterator), () -> {
            c.beginSection(f.iter);
            c.b.beginStoreLocal(iterator);
            if (range != null) {
                // The ints counted, not a list made and walked: range's count and errors, at the call.
                c.beginSection(range);
                List<ExprContext> args = range.args().expr();
                Operands operands = new Operands(c).expr(args.get(0)).expr(args.get(1));
                if (args.size() == 3) {
                    operands.expr(args.get(2));
                } else {
                    operands.stable(() -> c.b.emitLoadConstant(1L));
                }
                operands.emit(c.b::beginRangeIter, c.b::endRangeIter);
                c.endSection();
            } else {
                c.b.beginMakeIter();
                c.visitExpr(f.iter);
                c.b.endMakeIter();
            }
            c.b.endStoreLocal();
            c.endSection();
        });
        c.b.beginWhile();
        // The head's test: over an array or a range, the cursor against the length (IterHasNextNode).
        c.b.beginIterHasNext();
        c.b.emitLoadLocal(iterator);
        c.b.endIterHasNext();
        emitLoopBody(f, breakLabel, () -> {
            if (range != null && f.pattern() instanceof BindPatternContext bind && !bind.name().getText().equals("_")) {
                // `for (i in range(...))`: the range's next int straight into `i`, which is as
                // local to one iteration as `element` below. A range never blocks, and the head's
                // test is its only end.
                c.scope.pushBlock();
                emitRangeNext(f, iterator, c.declareLocal(bind.name().getStart(), false));
                visitBlock(f.body, returnType);
                c.scope.popBlock();
                return;
            }
            // Local to one iteration: its block clears it at the back-edge, so compiled code does not
            // carry the previous element around the loop (a value kept only for deoptimization,
            // which costs a register or a stack slot at every iteration).
            BytecodeLocal element = c.b.createLocal();
            if (range != null) {
                emitRangeNext(f, iterator, element);
            } else {
                emitNextElement(f, iterator, element, breakLabel);
            }
            c.scope.pushBlock();
            bindPattern(f.pattern(), element, "for: cannot destructure");
            visitBlock(f.body, returnType);
            c.scope.popBlock();
        });
        c.b.endWhile();
        c.b.emitLabel(breakLabel);
        c.scope.popBlock();
        c.b.endBlock();
    }

    /**
     * The step of a call of `range` (rangeCall: two or three arguments) whose step a `for` loop can
     * count by without a cursor: 1 for `range(a, b)`, the literal for `range(a, b, -1)` (an int
     * literal that is not zero, or its negation); null for any other step (a name, an expression,
     * zero), which keeps the cursor.
     */
    private static Long literalStep(List<ExprContext> args) {
        if (args.size() == 2) {
            return 1L;
        }
        ExprContext e = args.get(2);
        boolean negative = e instanceof UnaryExprContext u && u.op.getText().equals("-");
        Long v = intLiteral(negative ? ((UnaryExprContext) e).expr() : e);
        if (v == null || v == 0) {
            return null;
        }
        return negative ? -v : v; // -(2^63) is not a Long literal, so no negation wraps
    }

    /**
     * `for (x in range(a, b))` with the built-in `range`, or `range(a, b, step)` with a literal step:
     * the loop a `while` over the ints would be, with the range's checks and errors where it starts
     * (RangeFirstNode) and no cursor object. Its body counts its back-edges as such a `while` does
     * when it cannot see the clock.
     * <pre>
     * from = a; end = b; next = RangeFirst[step](from, end)
     * while (next < end) { x = RangeNext[step](next); body }   // next > end for a step below 0
     * </pre>
     */
    private void visitForRange(ForStmtContext f, CallPostfixContext range, long step, BindPatternContext bind, String returnType) {
        c.b.beginBlock();
        c.scope.pushBlock();
        BytecodeLocal from = c.b.createLocal();
        BytecodeLocal end = c.b.createLocal();
        BytecodeLocal next = c.b.createLocal(); // only ever an int, so kept unboxed
        List<ExprContext> args = range.args().expr();
        emitCursorStart(f, List.of(next, end), () -> {
            c.beginSection(f.iter);
            c.beginSection(range);
            c.b.beginStoreLocal(from);
            c.visitExpr(args.get(0));
            c.b.endStoreLocal();
            c.b.beginStoreLocal(end);
            c.visitExpr(args.get(1));
            c.b.endStoreLocal();
            c.b.beginStoreLocal(next);
            c.b.beginRangeFirst(step);
            c.b.emitLoadLocal(from);
            c.b.emitLoadLocal(end);
            c.b.endRangeFirst();
            c.b.endStoreLocal();
            c.endSection();
            c.endSection();
        });
        Runnable test = () -> {
            if (step > 0) {
                c.b.beginLess();
                c.b.emitLoadLocal(next);
                c.b.emitLoadLocal(end);
                c.b.endLess();
            } else {
                c.b.beginGreater();
                c.b.emitLoadLocal(next);
                c.b.emitLoadLocal(end);
                c.b.endGreater();
            }
        };
        Runnable iteration = () -> {
            c.scope.pushBlock();
            boolean named = !bind.name().getText().equals("_");
            BytecodeLocal x = named ? c.declareLocal(bind.name().getStart(), false) : c.b.createLocal();
            c.beginSection(f.iter);
            c.b.beginStoreLocal(x);
            c.b.emitRangeNext(next, step);
            c.b.endStoreLocal();
            c.endSection();
            visitBlock(f.body, returnType);
            c.scope.popBlock();
        };
        if (CountedLoops.cannotSeeClock(f, c::calledBuiltin)) {
            emitCountedLoop(f, test, iteration, CountedLoops.containsReturn(f.body));
        } else {
            BytecodeLabel breakLabel = c.b.createLabel();
            c.b.beginWhile();
            test.run();
            emitLoopBody(f, breakLabel, iteration);
            c.b.endWhile();
            c.b.emitLabel(breakLabel);
        }
        c.scope.popBlock();
        c.b.endBlock();
    }

    /**
     * A `for` loop's next element into {@code element}, over anything but a range: it may block (a
     * channel's receive suspends with BLOCK, and nothing else does), and a channel loop ends when
     * the receive finds the channel closed.
     */
    private void emitNextElement(ForStmtContext f, BytecodeLocal iterator, BytecodeLocal element, BytecodeLabel breakLabel) {
        c.beginSection(f.iter);
        // The next element first, into `element`: nothing lies under its yield (see Operands).
        c.b.beginStoreLocal(element);
        c.emitBlockable(() -> {
            c.b.beginIterNext(c.site("receive (for loop)", f.iter));
            c.b.emitLoadLocal(iterator);
            c.b.endIterNext();
        });
        c.b.endStoreLocal();
        c.b.beginStoreLocal(element);
        c.b.beginIterAfter();
        c.b.emitLoadLocal(iterator);
        c.b.emitLoadLocal(element);
        c.b.endIterAfter();
        c.b.endStoreLocal();
        c.endSection();
        c.b.beginIfThen();
        c.b.beginIsIterDone();
        c.b.emitLoadLocal(iterator);
        c.b.emitLoadLocal(element);
        c.b.endIsIterDone();
        c.b.emitBranch(breakLabel);
        c.b.endIfThen();
    }

    /** A range's next int into {@code into}: it never blocks, and the loop head's test is its only end. */
    private void emitRangeNext(ForStmtContext f, BytecodeLocal iterator, BytecodeLocal into) {
        c.beginSection(f.iter);
        c.b.beginStoreLocal(into);
        c.b.beginIterNext(c.site("receive (for loop)", f.iter));
        c.b.emitLoadLocal(iterator);
        c.b.endIterNext();
        c.b.endStoreLocal();
        c.endSection();
    }

    /** A `for` loop's `range(a, b)` or `range(a, b, step)` of the built-in `range`, or null. */
    private CallPostfixContext rangeCall(ExprContext iter) {
        if (iter instanceof PostfixExprContext pe && pe.postfix() instanceof CallPostfixContext call
                        && "range".equals(c.calledBuiltin(call)) && call.args() != null && (call.args().expr().size() == 2 || call.args().expr().size() == 3)) {
            return call;
        }
        return null;
    }

    /** Binds a `for` loop's pattern to the element held in a local (a `catch` binds a plain name). */
    private void bindPattern(PatternContext pattern, BytecodeLocal value, String failure) {
        if (pattern instanceof BindPatternContext bind) {
            if (!bind.name().getText().equals("_")) {
                BytecodeLocal local = c.declareLocal(bind.name().getStart(), false);
                c.b.beginStoreLocal(local);
                c.b.emitLoadLocal(value);
                c.b.endStoreLocal();
            }
            return;
        }
        c.patterns.declareBindings(pattern, false);
        c.b.beginIfThen();
        c.b.beginNot();
        c.patterns.emitTest(pattern, value);
        c.b.endNot();
        c.beginSection(pattern); // reported at the pattern, not at the loop's first line
        c.b.beginMatchFailed(failure);
        c.b.emitLoadLocal(value);
        c.b.endMatchFailed();
        c.endSection();
        c.b.endIfThen();
    }

    private void visitBreak(ParserRuleContext s, boolean isContinue) {
        for (Breakable target : breakables) {
            if (!isContinue) {
                c.b.emitBranch(target.breakLabel());
                return;
            }
            if (target.continueLabel() != null) {
                c.b.emitBranch(target.continueLabel());
                return;
            }
        }
        c.error(s.getStart(), (isContinue ? "'continue'" : "'break'") + " outside a loop" + (isContinue ? "" : " or choose"));
    }

    /** `break` inside an option leaves the `choose`; `continue` goes on to the enclosing loop. */
    void withChooseBreak(BytecodeLabel end, Runnable body) {
        breakables.push(new Breakable(end, null));
        body.run();
        breakables.pop();
    }

    /** Whether a statement is outside every function, read from the tree. */
    private static boolean atTopLevel(ParserRuleContext statement) {
        for (ParserRuleContext p = statement.getParent(); p != null; p = p.getParent()) {
            if (p instanceof FuncDeclContext || p instanceof LambdaPrimaryContext || p instanceof StartExprContext) {
                return false;
            }
        }
        return true;
    }

    private void visitReturn(ReturnStmtContext r, String returnType) {
        if (r.expr() != null && atTopLevel(r)) {
            // The value would go nowhere: the program exits 0 however it ends this way, where C's
            // `return 1;` from main fails. Go refuses a value here too.
            c.error(r.expr().getStart(), "a return at the top level ends the program and takes no value: write `return;` "
                    + "(to fail, throw or call error(msg), which exit 1)");
        }
        CallPostfixContext tail = r.expr() == null ? null : tailCall(r.expr());
        if (tail != null) {
            emitTailCall(tail);
            return;
        }
        if (pendingReturn != null) {
            c.b.beginStoreLocal(pendingReturn.result());
            emitReturnValue(r, returnType);
            c.b.endStoreLocal();
            c.b.beginStoreLocal(pendingReturn.returning());
            c.b.emitLoadConstant(true);
            c.b.endStoreLocal();
            c.b.emitBranch(pendingReturn.settle());
            return;
        }
        c.b.beginReturn();
        emitReturnValue(r, returnType);
        c.b.endReturn();
    }

    /** A `return`'s value, checked against the function's declared result type if it has one. */
    private void emitReturnValue(ReturnStmtContext r, String returnType) {
        if (returnType != null) {
            c.b.beginCheckType(returnType, c.scope.functionName + ": result");
        }
        if (r.expr() != null) {
            c.visitExpr(r.expr());
        } else {
            c.b.emitLoadConstant(ChanNil.NIL);
        }
        if (returnType != null) {
            c.b.endCheckType();
        }
    }

    private void visitTry(TryStmtContext t, String returnType) {
        c.b.beginTryCatch();
        visitBlock(t.body, returnType);
        c.b.beginBlock();
        c.scope.pushBlock();
        BytecodeLocal caught = c.declareLocal(t.name().getStart(), false);
        c.b.beginStoreLocal(caught);
        c.b.beginCaughtValue();
        c.b.emitLoadException();
        c.b.endCaughtValue();
        c.b.endStoreLocal();
        visitBlock(t.handler, returnType);
        c.scope.popBlock();
        c.b.endBlock();
        c.b.endTryCatch();
    }

    private void visitMatch(MatchStmtContext m, String returnType) {
        c.b.beginBlock();
        BytecodeLocal subject = c.b.createLocal();
        c.b.beginStoreLocal(subject);
        c.visitExpr(m.subject);
        c.b.endStoreLocal();
        BytecodeLabel end = c.b.createLabel();
        for (MatchArmContext arm : m.matchArm()) {
            c.beginSection(arm);
            c.b.beginBlock();
            c.scope.pushBlock();
            c.patterns.refuseConstNames(arm.pattern());
            c.patterns.declareBindings(arm.pattern(), false);
            c.b.beginIfThen();
            if (arm.guard != null) {
                c.b.beginAnd();
                c.patterns.emitTest(arm.pattern(), subject);
                c.visitExpr(arm.guard);
                c.b.endAnd();
            } else {
                c.patterns.emitTest(arm.pattern(), subject); // a pattern's test is a bool
            }
            c.b.beginBlock();
            visitStatement(arm.body, returnType);
            c.b.emitBranch(end);
            c.b.endBlock();
            c.b.endIfThen();
            c.scope.popBlock();
            c.b.endBlock();
            c.endSection();
        }
        c.beginSection(m);
        c.b.beginMatchFailed("no match arm fits");
        c.b.emitLoadLocal(subject);
        c.b.endMatchFailed();
        c.endSection();
        c.b.emitLabel(end);
        c.b.endBlock();
    }

    private void emitSend(ExprContext channel, ExprContext value) {
        c.b.beginCheckSent();
        c.emitSuspendable(() -> {
            String site = c.site("send", channel);
            new Operands(c).expr(channel).expr(value).emit(() -> c.b.beginSend(site), c.b::endSend);
        });
        c.b.endCheckSent();
    }
}
