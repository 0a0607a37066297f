package chan.parser;

import chan.grammar.ChanParser.CallPostfixContext;
import chan.grammar.ChanParser.LambdaPrimaryContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * While a function compiles, whether every path to the current point has already checked the quantum
 * since the function's entry, so that a call that may recur (EntryChecks.mayRecur) needs a check
 * before it only where none has run: once per path through the function, before its first such call.
 * Towers' `move_disks` then checks once before its two recursive calls, a loop that makes such calls
 * once before the loop (its back-edges check), and a leaf of a recursion returns without any.
 * Conservative by construction: a check counts for the code after it only in straight-line code (the
 * statements of one block, the operands of one expression); the parts of a compound statement (`if`,
 * loops, `match`, `choose`, `try`) and the right operand of `&&` and `||`, which may not run, never
 * count for what follows them, and a block's checks end with the block.
 */
final class RecursionChecks {
    /** What a nested function or block saves of its surroundings, to restore when it ends. */
    record Saved(ParserRuleContext function, boolean checked, int conditional) {}

    private final EntryChecks entryChecks;
    /** The function being compiled (a declaration or a literal), or null where no call can recur (a module's body, a `start` block). */
    private ParserRuleContext function;
    /** Whether a check has run on every path to this point of the function. */
    private boolean checked = true;
    /** How many parts that may not run enclose this point within its block (see the class comment). */
    private int conditional;

    RecursionChecks(EntryChecks entryChecks) {
        this.entryChecks = entryChecks;
    }

    /** Enters a function's body; {@code checkedAtEntry}: its entry polls (or no call in it can recur). */
    Saved enterFunction(ParserRuleContext function, boolean checkedAtEntry) {
        Saved saved = new Saved(this.function, checked, conditional);
        this.function = function;
        checked = checkedAtEntry;
        conditional = 0;
        return saved;
    }

    /** Enters a block: straight-line code, whose checks count for the rest of it only. */
    Saved enterBlock() {
        Saved saved = new Saved(function, checked, conditional);
        conditional = 0;
        return saved;
    }

    /** Where the checks stand now, for {@link #restore}: a root built again starts where its first build did. */
    Saved saved() {
        return new Saved(function, checked, conditional);
    }

    /** Leaves a function or a block. */
    void restore(Saved saved) {
        function = saved.function();
        checked = saved.checked();
        conditional = saved.conditional();
    }

    /** Enters a part that may not run (see the class comment); returns what {@link #leaveConditional} restores. */
    boolean enterConditional() {
        conditional++;
        return checked;
    }

    void leaveConditional(boolean checkedBefore) {
        conditional--;
        checked = checkedBefore;
    }

    /**
     * Whether a check must go before this loop, in straight-line code: the loop holds a call that may
     * recur and no check has run yet. Its back-edges check, so one check before it covers every call
     * in it, where a check before the call would run at every iteration; and it covers what follows.
     */
    boolean checkBeforeLoop(ParseTree loop) {
        if (checked || function == null || conditional > 0 || !holdsRecurringCall(loop)) {
            return false;
        }
        checked = true;
        return true;
    }

    private boolean holdsRecurringCall(ParseTree t) {
        if (t instanceof LambdaPrimaryContext) {
            return false; // its calls are its own
        }
        if (t instanceof CallPostfixContext call && entryChecks.mayRecur(function, call)) {
            return true;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (holdsRecurringCall(t.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this call of the function being compiled may recur (EntryChecks.mayRecur); none can outside a function. */
    boolean mayRecur(CallPostfixContext call) {
        return function != null && entryChecks.mayRecur(function, call);
    }

    /**
     * Whether this call hands its callee a `--max-depth` level (EntryChecks.passesDepth): outside a
     * function (a module's body, a `start` block), every call but a built-in's does.
     */
    boolean passesDepth(CallPostfixContext call) {
        return function == null || entryChecks.passesDepth(function, call);
    }

    /** Whether a check must go before this call; if so, the code after it counts as checked. */
    boolean checkBefore(CallPostfixContext call) {
        if (checked || !mayRecur(call)) {
            return false;
        }
        if (conditional == 0) {
            checked = true;
        }
        return true;
    }
}
