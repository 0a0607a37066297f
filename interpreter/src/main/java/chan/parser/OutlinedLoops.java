package chan.parser;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser.*;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Which loops are compiled as roots of their own, which their function calls where the loop stands
 * (chan.nodes.OutlinedLoop), and which of the function's locals each is given.
 *
 * <p>Why: once a function has blocked or been preempted, it runs on in its continuation, whose
 * locals live in a frame on the heap, and a loop there ran ~5x slower than before the block. An
 * outlined loop starts in a frame of its own at each entry. The call is invisible to the program:
 * it charges no cycles, counts no `--max-depth` level and adds no line to a stack trace. At a
 * back-edge where its thread is to be preempted, or after a resume inside it, the loop stops and
 * hands back its locals and its place, and its function calls it again (StatementCompiler's
 * Restart), so it goes on in a fresh frame there too.
 *
 * <p>Only a loop that may run resumed and does not wait itself is outlined ({@link #worthOutlining}):
 * the call costs a little where the function is never suspended (a loop of a few steps, called
 * often), and a loop that waits goes on resumed after each wait however it is called.
 *
 * <p>The loop is given the function's locals it names and hands back their values when it ends,
 * which the function stores. So a loop is not outlined where something could see those locals
 * between the two: inside a `try` body of its function (the handler would see them as they were
 * before the loop), or where it holds a tail call of its function (a jump to the function's start,
 * which a root of its own cannot make).
 */
final class OutlinedLoops {
    private OutlinedLoops() {}

    /**
     * Whether a loop is worth outlining: it may run after its function has been suspended, and it
     * does not wait itself. Something that may wait runs before it in its function
     * (EntryChecks.waitsBefore), or its function runs in a thread (a `start` block, a function a
     * started thread runs or calls: EntryChecks.runsInAStartedThread, the module's body), which
     * another thread's wait may preempt anywhere. A loop that may wait in its body (a server's
     * receive loop) would go on resumed after each wait however it was called, and pay for a second
     * frame at each.
     */
    static boolean worthOutlining(ParserRuleContext loop, EntryChecks checks) {
        ParserRuleContext definition = definitionOf(loop);
        boolean mayRunResumed = switch (definition) {
            case FuncDeclContext f -> checks.runsInAStartedThread(f) || checks.waitsBefore(loop, f);
            case LambdaPrimaryContext lambda -> checks.waitsBefore(loop, lambda);
            default -> true; // a start block, the module's body
        };
        return mayRunResumed && !checks.loopMayWait(loop, definition);
    }

    /** Whether {@code loop} may be outlined: the class comment's conditions. */
    static boolean mayOutline(StatementContext loop, Set<CallPostfixContext> tailCalls) {
        if (insideTryBody(loop)) {
            return false;
        }
        for (CallPostfixContext call : tailCalls) {
            if (encloses(loop, call)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The definition whose root a loop belongs to: a function declaration, a function literal, a
     * `start` block's StartExpr, or the module's body (the Program).
     */
    static ParserRuleContext definitionOf(ParserRuleContext loop) {
        ParserRuleContext p = loop.getParent();
        while (!(p instanceof FuncDeclContext || p instanceof LambdaPrimaryContext || p instanceof StartExprContext || p instanceof ProgramContext)) {
            p = p.getParent();
        }
        return p;
    }

    /** Whether a `try` body of the definition that holds the loop (definitionOf) encloses it. */
    private static boolean insideTryBody(ParserRuleContext loop) {
        ParserRuleContext definition = definitionOf(loop);
        ParseTree child = loop;
        for (ParserRuleContext p = loop.getParent(); p != definition; child = p, p = p.getParent()) {
            if (p instanceof TryStmtContext t && t.body == child) {
                return true;
            }
        }
        return false;
    }

    private static boolean encloses(ParseTree outer, ParseTree inner) {
        for (ParseTree t = inner; t != null; t = t.getParent()) {
            if (t == outer) {
                return true;
            }
        }
        return false;
    }

    /**
     * The locals of the function being compiled ({@code scope}) that the loop names, in the order it
     * first names them: every word in it that is such a local where the loop stands. A field's name
     * that happens to be a local's is given too, which costs an argument and nothing else.
     */
    static List<Scope.Local> namedLocals(ParserRuleContext loop, Scope scope) {
        Set<String> words = new LinkedHashSet<>();
        collectWords(loop, words);
        List<Scope.Local> named = new ArrayList<>();
        for (String word : words) {
            Scope.Local local = scope.findLocal(word);
            if (local != null) {
                named.add(local);
            }
        }
        return named;
    }

    private static void collectWords(ParseTree t, Set<String> words) {
        if (t instanceof TerminalNode terminal) {
            Token token = terminal.getSymbol();
            switch (token.getType()) {
                case ChanLexer.IDENT, ChanLexer.IN, ChanLexer.AFTER -> words.add(token.getText());
                case ChanLexer.ATOM -> words.add(token.getText().substring(1)); // `x:y`: the field x set to y
                default -> {}
            }
            return;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectWords(t.getChild(i), words);
        }
    }
}
