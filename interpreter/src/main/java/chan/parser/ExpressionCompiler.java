package chan.parser;

import chan.grammar.ChanParser.*;
import chan.nodes.ChanModule;
import chan.nodes.GlobalCell;
import chan.nodes.ops.SpawnNode;
import chan.values.ChanNil;
import chan.values.ChanStructType;
import chan.values.ChanTuple;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import com.oracle.truffle.api.instrumentation.StandardTags.CallTag;
import com.oracle.truffle.api.instrumentation.StandardTags.ExpressionTag;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Compiles expressions for a {@link ModuleCompiler}: operators, receives, `start`, calls (each a
 * suspendable operation: the callee may block), indexing, fields and module members, literals of every
 * kind, struct literals and `with`, and function expressions. Each expression is an expression-tagged
 * source section, so errors and the debugger point at it.
 */
final class ExpressionCompiler {
    private final ModuleCompiler c;

    ExpressionCompiler(ModuleCompiler c) {
        this.c = c;
    }


    void visitExpr(ExprContext e) {
        c.beginSection(e);
        c.b.beginTag(ExpressionTag.class);
        emitExpr(e);
        c.b.endTag(ExpressionTag.class);
        c.endSection();
    }

    private void emitExpr(ExprContext e) {
        if (e instanceof PostfixExprContext p) {
            visitPostfix(p.postfix());
        } else if (e instanceof UnaryExprContext u) {
            emitUnary(u);
        } else if (e instanceof RecvExprContext r) {
            emitReceive(r, r.expr());
        } else if (e instanceof RecvStatusExprContext r) {
            c.b.beginWithStatus();
            emitReceive(r, r.expr());
            c.b.endWithStatus();
        } else if (e instanceof BinaryExprContext bin) {
            emitBinary(bin);
        } else if (e instanceof AndExprContext and) {
            c.b.beginAnd();
            visitExpr(and.left);
            visitMaybe(and.right);
            c.b.endAnd();
        } else if (e instanceof OrExprContext or) {
            c.b.beginOr();
            visitExpr(or.left);
            visitMaybe(or.right);
            c.b.endOr();
        } else if (e instanceof StartExprContext s) {
            emitStart(s);
        } else {
            throw new IllegalStateException("unknown expression " + e.getClass());
        }
    }

    /**
     * `<-?channel` taken apart, for `let (v, ok) = <-?c`: the value received into {@code value} and
     * its status into {@code ok}, with no pair made. The expression's tag and section cover the
     * receive.
     */
    void emitReceiveWithStatusInto(RecvStatusExprContext r, BytecodeLocal value, BytecodeLocal ok) {
        c.b.beginStoreLocal(value);
        c.beginSection(r);
        c.b.beginTag(ExpressionTag.class);
        emitReceive(r, r.expr());
        c.b.endTag(ExpressionTag.class);
        c.endSection();
        c.b.endStoreLocal();
        c.b.beginStoreLocal(ok);
        c.b.emitRecvStatus();
        c.b.endStoreLocal();
    }

    /** `<-channel`; a thread blocked here is reported at the `<-` ({@code at}). */
    void emitReceive(ExprContext at, ExprContext channel) {
        c.emitSuspendable(() -> {
            c.b.beginReceive(c.site("receive", at));
            visitExpr(channel);
            c.b.endReceive();
        });
    }

    private void emitUnary(UnaryExprContext u) {
        String op = u.op.getText();
        if (op.equals("-") && u.expr() instanceof PostfixExprContext p && p.postfix() instanceof PrimaryPostfixContext pp
                        && pp.primary() instanceof LiteralPrimaryContext lit && (lit.literal().INT() != null || lit.literal().FLOAT() != null)) {
            c.b.emitLoadConstant(Literals.negate(Literals.value(lit.literal())));
            return;
        }
        switch (op) {
            case "!" -> {
                c.b.beginNot();
                visitExpr(u.expr());
                c.b.endNot();
            }
            case "-" -> {
                c.b.beginNeg();
                visitExpr(u.expr());
                c.b.endNeg();
            }
            default -> {
                c.b.beginBitNot();
                visitExpr(u.expr());
                c.b.endBitNot();
            }
        }
    }

    private void emitBinary(BinaryExprContext bin) {
        String op = bin.op.getText();
        // The operation's position is its operator, so `a / b` reports the `/`.
        c.beginSection(bin.op.getStartIndex(), bin.op.getStopIndex() - bin.op.getStartIndex() + 1);
        new Operands(c).expr(bin.left).expr(bin.right).emit(() -> beginBinary(op), () -> endBinary(op));
        c.endSection();
    }

    /** Begins the operation of binary operator {@code op} (also for `op=`). */
    void beginBinary(String op) {
        switch (op) {
            case "+" -> c.b.beginAdd();
            case "-" -> c.b.beginSub();
            case "*" -> c.b.beginMul();
            case "/" -> c.b.beginDiv();
            case "%" -> c.b.beginMod();
            case "<<" -> c.b.beginShl();
            case ">>" -> c.b.beginShr();
            case "&" -> c.b.beginBitAnd();
            case "^" -> c.b.beginBitXor();
            case "|" -> c.b.beginBitOr();
            case "<" -> c.b.beginLess();
            case "<=" -> c.b.beginLessEqual();
            case ">" -> c.b.beginGreater();
            case ">=" -> c.b.beginGreaterEqual();
            case "==" -> c.b.beginEqual();
            case "!=" -> c.b.beginNotEqual();
            default -> throw new IllegalStateException(op);
        }
    }

    void endBinary(String op) {
        switch (op) {
            case "+" -> c.b.endAdd();
            case "-" -> c.b.endSub();
            case "*" -> c.b.endMul();
            case "/" -> c.b.endDiv();
            case "%" -> c.b.endMod();
            case "<<" -> c.b.endShl();
            case ">>" -> c.b.endShr();
            case "&" -> c.b.endBitAnd();
            case "^" -> c.b.endBitXor();
            case "|" -> c.b.endBitOr();
            case "<" -> c.b.endLess();
            case "<=" -> c.b.endLessEqual();
            case ">" -> c.b.endGreater();
            case ">=" -> c.b.endGreaterEqual();
            case "==" -> c.b.endEqual();
            case "!=" -> c.b.endNotEqual();
            default -> throw new IllegalStateException(op);
        }
    }

    /** `start`: it may wait for the thread's turn (SpawnNode), so it suspends as a receive does. */
    private void emitStart(StartExprContext s) {
        c.emitSuspendable(() -> emitSpawn(s));
    }

    private void emitSpawn(StartExprContext s) {
        String site = Diagnostics.name(c.source) + ":" + s.getStart().getLine();
        if (s.block() != null) {
            c.b.beginSpawn(site);
            emitCore(s.core);
            c.emitClosure(s.block(), "<start>", List.of(), null, () -> c.visitStatements(s.block().statement(), null));
            c.b.endSpawn();
            return;
        }
        if (!(s.call instanceof CallPostfixContext call)) {
            c.error(s.call.getStart(), "`start` takes a block or a function call");
            c.b.emitLoadConstant(ChanNil.NIL);
            return;
        }
        c.checkArityOfNamedCall(call);
        Operands operands = new Operands(c);
        if (s.core == null) {
            operands.stable(() -> c.b.emitLoadConstant(SpawnNode.OWN_CORE));
        } else {
            operands.expr(s.core);
        }
        calleeAndArguments(operands, call).emit(() -> c.b.beginSpawn(site), c.b::endSpawn);
    }

    /** The operands of a call, as `f(a, b)` and `start f(a, b)` both evaluate them: f, then a, b. */
    private static Operands calleeAndArguments(Operands operands, CallPostfixContext call) {
        operands.postfix(call.postfix());
        if (call.args() != null) {
            for (ExprContext arg : call.args().expr()) {
                operands.expr(arg);
            }
        }
        return operands;
    }

    private void emitCore(ExprContext core) {
        if (core == null) {
            c.b.emitLoadConstant(SpawnNode.OWN_CORE);
        } else {
            visitExpr(core);
        }
    }

    /** The expression in `(e)`; null for a tuple: `()`, `(e,)`, `(e1, e2, …)`. */
    static ExprContext parenthesized(ParenPrimaryContext paren) {
        return paren.expr().size() == 1 && paren.trailing == null ? paren.expr(0) : null;
    }

    /**
     * Whether {@code e} always yields a bool: a comparison, `!`, `&&`, `||` (whose operations return
     * their operands' truth) or `true`/`false`, parenthesized or not. A condition of that kind needs
     * no Truthy: one instruction fewer at every test an interpreted `if` or loop makes (the compiled
     * code is the same, as the truth of a bool folds away).
     */
    static boolean yieldsBool(ExprContext e) {
        if (e instanceof BinaryExprContext bin) {
            return switch (bin.op.getText()) {
                case "<", "<=", ">", ">=", "==", "!=" -> true;
                default -> false;
            };
        }
        if (e instanceof UnaryExprContext u) {
            return u.op.getText().equals("!");
        }
        if (e instanceof AndExprContext || e instanceof OrExprContext) {
            return true;
        }
        if (e instanceof PostfixExprContext p && p.postfix() instanceof PrimaryPostfixContext pp) {
            if (pp.primary() instanceof LiteralPrimaryContext lit) {
                return lit.literal().TRUE() != null || lit.literal().FALSE() != null;
            }
            if (pp.primary() instanceof ParenPrimaryContext paren) {
                ExprContext inner = parenthesized(paren);
                return inner != null && yieldsBool(inner);
            }
        }
        return false;
    }

    /** An operand that may not run (the right of `&&`, `||`): its checks count for nothing after it. */
    private void visitMaybe(ExprContext e) {
        boolean checkedBefore = c.recursionChecks.enterConditional();
        visitExpr(e);
        c.recursionChecks.leaveConditional(checkedBefore);
    }

    void visitPostfix(PostfixContext p) {
        c.beginSection(p);
        if (p instanceof PrimaryPostfixContext pp) {
            visitPrimary(pp.primary());
        } else if (p instanceof CallPostfixContext call) {
            // A call that may recur checks the quantum first, unless a check has run on every path
            // here; it alone counts toward --max-depth.
            boolean check = c.recursionChecks.checkBefore(call);
            if (check) {
                c.b.beginBlock();
                c.emitPoll(0);
            }
            c.emitSuspendable(() -> {
                c.b.beginTag(CallTag.class);
                emitCall(call);
                c.b.endTag(CallTag.class);
            });
            if (check) {
                c.b.endBlock();
            }
        } else if (p instanceof IndexPostfixContext ip) {
            new Operands(c).postfix(ip.postfix()).expr(ip.index).emit(c.b::beginIndex, c.b::endIndex);
        } else if (p instanceof FieldPostfixContext fp) {
            emitField(fp);
        } else if (p instanceof WithPostfixContext wp) {
            String[] fields = wp.fieldInit().stream().map(fi -> fi.name().getText()).toArray(String[]::new);
            c.checkDistinct(wp.fieldInit().stream().map(fi -> fi.name().getStart()).toList(), "field");
            Operands operands = new Operands(c).postfix(wp.postfix());
            wp.fieldInit().forEach(fi -> fieldValue(operands, fi));
            operands.emit(() -> c.b.beginStructWith(fields), c.b::endStructWith);
        }
        c.endSection();
    }

    /**
     * A call: CallAtDepth, with this frame's `--max-depth` level, unless the callee reads none (a
     * built-in, or a function of this module that passes no level on: EntryChecks.readsDepth), which
     * a plain Call serves.
     */
    private void emitCall(CallPostfixContext call) {
        c.checkArityOfNamedCall(call);
        if (c.calledBuiltin(call) != null || !c.recursionChecks.passesDepth(call)) {
            calleeAndArguments(new Operands(c), call).emit(c.b::beginCall, c.b::endCall);
            return;
        }
        if (c.depth == null) {
            throw new IllegalStateException("a call passes a --max-depth level its function never read");
        }
        boolean counted = c.recursionChecks.mayRecur(call);
        Operands operands = new Operands(c).stable(() -> c.b.emitLoadLocal(c.depth));
        calleeAndArguments(operands, call).emit(() -> c.b.beginCallAtDepth(counted), c.b::endCallAtDepth);
    }

    /** `m.member` of an imported module resolves while compiling; `r.field` reads a struct field. */
    private void emitField(FieldPostfixContext fp) {
        String member = fp.name().getText();
        if (fp.postfix() instanceof PrimaryPostfixContext pp && pp.primary() instanceof NamePrimaryContext np
                        && c.scope.findVariable(np.name().getText()) == null && c.declarations.get(np.name().getText()) instanceof ModuleCompiler.Declaration d
                        && d.kind == ModuleCompiler.Declaration.Kind.IMPORT) {
            ChanModule imported = (ChanModule) d.staticValue;
            GlobalCell cell = imported.memberReferredTo(member);
            if (cell == null) {
                if (!imported.failed()) { // a module that failed has said why: no echo of it here
                    c.error(fp.name().getStart(), "module " + imported.name() + " has no member '" + member + "'");
                }
                c.b.emitLoadConstant(ChanNil.NIL);
            } else {
                c.b.emitLoadGlobal(cell);
            }
            return;
        }
        c.b.beginGetField(member);
        visitPostfix(fp.postfix());
        c.b.endGetField();
    }

    private void visitPrimary(PrimaryContext p) {
        if (p instanceof LiteralPrimaryContext lit) {
            c.b.emitLoadConstant(Literals.value(lit.literal()));
        } else if (p instanceof NamePrimaryContext np) {
            Scope.Ref ref = c.resolve(np.name().getStart());
            if (ref == null) {
                c.b.emitLoadConstant(ChanNil.NIL);
            } else {
                c.emitLoad(ref);
            }
        } else if (p instanceof ParenPrimaryContext paren) {
            ExprContext inner = parenthesized(paren);
            if (inner != null) {
                visitExpr(inner);
            } else if (paren.expr().isEmpty()) {
                c.b.emitLoadConstant(ChanTuple.EMPTY);
            } else {
                Operands operands = new Operands(c);
                paren.expr().forEach(operands::expr);
                operands.emit(c.b::beginMakeTuple, c.b::endMakeTuple);
            }
        } else if (p instanceof ListPrimaryContext list) {
            Operands operands = new Operands(c);
            list.expr().forEach(operands::expr);
            operands.emit(c.b::beginMakeList, c.b::endMakeList);
        } else if (p instanceof MapPrimaryContext map) {
            Operands operands = new Operands(c);
            for (MapEntryContext entry : map.mapEntry()) {
                operands.expr(entry.key).expr(entry.value);
            }
            operands.emit(c.b::beginMakeMap, c.b::endMakeMap);
        } else if (p instanceof StructPrimaryContext sp) {
            emitStructLiteral(sp);
        } else if (p instanceof LambdaPrimaryContext lambda) {
            List<ParamContext> params = lambda.params() == null ? List.of() : lambda.params().param();
            String returnType = c.annotatedType(lambda.ret);
            c.checkAnnotation(lambda.ret);
            c.emitClosure(lambda, "<fn>", params, returnType, () -> {
                if (lambda.body != null) {
                    c.visitFunctionBody(lambda.body, returnType);
                } else {
                    c.b.beginReturn();
                    if (returnType != null) {
                        c.b.beginCheckType(returnType, "<fn>: result");
                    }
                    visitExpr(lambda.value);
                    if (returnType != null) {
                        c.b.endCheckType();
                    }
                    c.b.endReturn();
                }
            });
        }
    }

    private void emitStructLiteral(StructPrimaryContext sp) {
        ChanStructType type = structType(sp.module, sp.structName);
        if (type == null) {
            c.b.emitLoadConstant(ChanNil.NIL);
            return;
        }
        c.checkDistinct(sp.fieldInit().stream().map(fi -> fi.name().getStart()).toList(), "field");
        FieldInitContext[] byField = new FieldInitContext[type.fieldNames().length];
        for (FieldInitContext fi : sp.fieldInit()) {
            int index = type.fieldIndex(fi.name().getText());
            if (index < 0) {
                c.error(fi.name().getStart(), "struct " + type.name() + " has no field '" + fi.name().getText() + "'");
            } else {
                byField[index] = fi;
            }
        }
        Operands operands = new Operands(c);
        for (FieldInitContext fi : byField) {
            if (fi == null) {
                operands.stable(() -> c.b.emitLoadConstant(ChanNil.NIL));
            } else {
                fieldValue(operands, fi);
            }
        }
        operands.emit(() -> c.b.beginMakeStruct(type), c.b::endMakeStruct);
    }

    /** The value of `field: value`, or of `field:name`, which the lexer reads as the atom `:name`. */
    private void fieldValue(Operands operands, FieldInitContext fi) {
        if (fi.expr() != null) {
            operands.expr(fi.expr());
        } else {
            operands.computed(() -> emitFieldName(fi), false);
        }
    }

    private void emitFieldName(FieldInitContext fi) {
        Scope.Ref ref = c.resolve(nameAfterColon(fi.glued));
        if (ref == null) {
            c.b.emitLoadConstant(ChanNil.NIL);
        } else {
            c.emitLoad(ref);
        }
    }

    /** The name `y` inside the atom token `:y` of `x:y`, positioned where the name stands. */
    static Token nameAfterColon(Token atom) {
        CommonToken name = new CommonToken(atom);
        name.setText(atom.getText().substring(1));
        name.setCharPositionInLine(atom.getCharPositionInLine() + 1);
        name.setStartIndex(atom.getStartIndex() + 1);
        return name;
    }

    /** The struct type named `Name` here or `module.Name` in an imported module, or null after an error. */
    ChanStructType structType(Token module, Token name) {
        if (module != null) {
            ModuleCompiler.Declaration m = c.declarations.get(module.getText());
            if (m == null || m.kind != ModuleCompiler.Declaration.Kind.IMPORT || c.scope.findVariable(module.getText()) != null) {
                c.error(module, "'" + module.getText() + "' is not an imported module");
                return null;
            }
            ChanModule imported = (ChanModule) m.staticValue;
            GlobalCell cell = imported.members().get(name.getText());
            if (cell == null || !(cell.get() instanceof ChanStructType type)) {
                if (!imported.failed()) { // as for a member (emitField)
                    c.error(name, "module " + imported.name() + " has no struct type '" + name.getText() + "'");
                }
                return null;
            }
            return type;
        }
        ModuleCompiler.Declaration d = c.declarations.get(name.getText());
        if (d == null || d.kind != ModuleCompiler.Declaration.Kind.STRUCT) {
            c.error(name, "'" + name.getText() + "' is not a struct type");
            return null;
        }
        return (ChanStructType) d.staticValue;
    }
}
