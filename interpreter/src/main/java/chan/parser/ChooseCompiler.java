package chan.parser;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser.*;
import chan.nodes.ChooseShape;
import chan.values.ChanNil;
import com.oracle.truffle.api.bytecode.BytecodeLabel;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Compiles `choose` and `prichoose`. In three phases, as Go's selectgo: evaluate every option's
 * guard, channel and value once, in source order; select (one operation, which may block the thread
 * until an option is ready); run the chosen option's body with its received value bound.
 */
final class ChooseCompiler {
    private final ModuleCompiler c;

    ChooseCompiler(ModuleCompiler compiler) {
        this.c = compiler;
    }

    void compile(org.antlr.v4.runtime.ParserRuleContext where, List<ChooseOptionContext> options, boolean prioritised, String returnType) {
        var b = c.b;
        ChooseShape.Kind[] kinds = new ChooseShape.Kind[options.size()];
        b.beginBlock();
        BytecodeLocal[] operands = new BytecodeLocal[options.size() * 3];
        int defaults = 0;
        for (int i = 0; i < options.size(); i++) {
            ChooseOptionContext o = options.get(i);
            kinds[i] = kindOf(o.chooseComm());
            if (o.chooseComm() instanceof ReplicatedRecvCommContext r && !r.name(1).getText().equals(r.var.getText())) {
                c.error(r.name(1).getStart(), "a replicated option receives from its loop variable: `<-" + r.var.getText() + "`");
            }
            if (kinds[i] == ChooseShape.Kind.DEFAULT && ++defaults > 1) {
                c.error(o.getStart(), "a choose has at most one default option");
            }
            operands[3 * i] = o.guard == null ? constant(Boolean.TRUE) : store(o.guard, null); // no guard: always enabled
            if ((kinds[i] == ChooseShape.Kind.SEND || kinds[i] == ChooseShape.Kind.RECEIVE) && !(o.chooseComm() instanceof AfterCommContext)) {
                operands[3 * i + 1] = storeChannel(channelOf(o.chooseComm()));
            } else if (kinds[i] == ChooseShape.Kind.RECEIVE_ANY) {
                operands[3 * i + 1] = storeChannelList(channelOf(o.chooseComm()));
            } else {
                operands[3 * i + 1] = store(channelOf(o.chooseComm()), o.chooseComm() instanceof AfterCommContext a ? a.delay : null);
            }
            operands[3 * i + 2] = store(o.chooseComm() instanceof SendCommContext s ? s.value : null, null);
        }
        ChooseShape shape = new ChooseShape(kinds, prioritised);
        BytecodeLocal chosen = b.createLocal();
        c.beginSection(where);
        b.beginStoreLocal(chosen);
        b.beginChooseCases(shape);
        for (BytecodeLocal local : operands) {
            b.emitLoadLocal(local);
        }
        b.endChooseCases();
        b.endStoreLocal();
        b.beginStoreLocal(chosen);
        b.beginChooseDecide(shape);
        c.emitSuspendable(() -> { // first: nothing under its yield on the operand stack
            b.beginChooseSelect(shape, c.site("choose", where));
            b.emitLoadLocal(chosen);
            b.endChooseSelect();
        });
        b.emitLoadLocal(chosen);
        b.endChooseDecide();
        b.endStoreLocal();
        c.endSection();
        BytecodeLabel end = b.createLabel();
        for (int i = 0; i < options.size(); i++) {
            emitOption(options.get(i), i, chosen, end, returnType);
        }
        b.emitLabel(end);
        b.endBlock();
    }

    private void emitOption(ChooseOptionContext o, int index, BytecodeLocal chosen, BytecodeLabel end, String returnType) {
        var b = c.b;
        b.beginIfThen();
        b.beginIsChosen(index);
        b.emitLoadLocal(chosen);
        b.endIsChosen();
        b.beginBlock();
        c.scope.pushBlock();
        PatternContext pattern = patternOf(o.chooseComm());
        if (o.chooseComm() instanceof ReplicatedRecvCommContext r) {
            BytecodeLocal channel = c.declareLocal(r.var.getStart(), false);
            b.beginStoreLocal(channel);
            b.beginChosen("channel");
            b.emitLoadLocal(chosen);
            b.endChosen();
            b.endStoreLocal();
        }
        if (pattern != null) {
            BytecodeLocal received = b.createLocal();
            b.beginStoreLocal(received);
            b.beginChosen(withStatus(o.chooseComm()) ? "status" : "value");
            b.emitLoadLocal(chosen);
            b.endChosen();
            b.endStoreLocal();
            c.patterns.declareBindings(pattern, false);
            b.beginIfThen();
            b.beginNot();
            c.patterns.emitTest(pattern, received);
            b.endNot();
            c.beginSection(pattern); // reported at the option's pattern, not at the `choose` lines above it
            b.beginMatchFailed("choose: cannot destructure");
            b.emitLoadLocal(received);
            b.endMatchFailed();
            c.endSection();
            b.endIfThen();
        }
        c.withChooseBreak(end, () -> {
            b.beginBlock();
            for (StatementContext s : o.block().statement()) {
                c.visitStatement(s, returnType);
            }
            b.endBlock();
        });
        b.emitBranch(end);
        c.scope.popBlock();
        b.endBlock();
        b.endIfThen();
    }

    /** A fresh local holding the value that {@code emitValue} emits, evaluated once, in option order. */
    private BytecodeLocal intoLocal(Runnable emitValue) {
        BytecodeLocal local = c.b.createLocal();
        c.b.beginStoreLocal(local);
        emitValue.run();
        c.b.endStoreLocal();
        return local;
    }

    private BytecodeLocal constant(Object value) {
        return intoLocal(() -> c.b.emitLoadConstant(value));
    }

    /** The channel of a send or receive option, checked at its own expression (a non-channel is reported there). */
    private BytecodeLocal storeChannel(ExprContext e) {
        return intoLocal(() -> {
            c.beginSection(e);
            c.b.beginChooseChannel();
            c.visitExpr(e);
            c.b.endChooseChannel();
            c.endSection();
        });
    }

    /** The list of a replicated option, checked at its own expression (a non-list or a non-channel in it is reported there). */
    private BytecodeLocal storeChannelList(ExprContext e) {
        return intoLocal(() -> {
            c.beginSection(e);
            c.b.beginChooseChannelList();
            c.visitExpr(e);
            c.b.endChooseChannelList();
            c.endSection();
        });
    }

    /** Evaluates an expression into a fresh local (nil when absent); for `after(n)`, makes the timer channel. */
    private BytecodeLocal store(ExprContext e, ExprContext afterDelay) {
        return intoLocal(() -> {
            var b = c.b;
            if (afterDelay != null) {
                c.beginSection((ParserRuleContext) afterDelay.getParent()); // a bad delay is reported at its `after(...)`
                b.beginAfterChannel();
                c.visitExpr(afterDelay);
                b.endAfterChannel();
                c.endSection();
            } else if (e != null) {
                c.visitExpr(e);
            } else {
                b.emitLoadConstant(ChanNil.NIL);
            }
        });
    }

    /** `<-?`: the option receives the pair (value, ok). */
    private static boolean withStatus(ChooseCommContext comm) {
        return comm instanceof RecvStatusCommContext
                        || (comm instanceof ReplicatedRecvCommContext r && r.op.getType() == ChanLexer.RECV_STATUS);
    }

    private static ChooseShape.Kind kindOf(ChooseCommContext comm) {
        if (comm instanceof SendCommContext) {
            return ChooseShape.Kind.SEND;
        } else if (comm instanceof DefaultCommContext) {
            return ChooseShape.Kind.DEFAULT;
        } else if (comm instanceof ReplicatedRecvCommContext) {
            return ChooseShape.Kind.RECEIVE_ANY;
        }
        return ChooseShape.Kind.RECEIVE; // receive, receive with status, after
    }

    private static ExprContext channelOf(ChooseCommContext comm) {
        if (comm instanceof RecvCommContext r) {
            return r.channel;
        } else if (comm instanceof RecvStatusCommContext r) {
            return r.channel;
        } else if (comm instanceof SendCommContext s) {
            return s.channel;
        } else if (comm instanceof ReplicatedRecvCommContext r) {
            return r.channels;
        }
        return null;
    }

    private static PatternContext patternOf(ChooseCommContext comm) {
        if (comm instanceof RecvCommContext r) {
            return r.pattern();
        } else if (comm instanceof RecvStatusCommContext r) {
            return r.pattern();
        } else if (comm instanceof ReplicatedRecvCommContext r) {
            return r.pattern();
        }
        return null;
    }
}
