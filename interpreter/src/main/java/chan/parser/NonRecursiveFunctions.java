package chan.parser;

import chan.grammar.ChanParser.*;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Which functions of a module no chain of calls can enter again while they run: every call they
 * make goes to a built-in or to another such function of the same module, named directly (no
 * variable, parameter or pattern of the enclosing declaration has the name). Their entries charge
 * the core without a quantum check (ChargeNode, docs/machine-model.md "Preemption"). A thread that
 * runs on without end must go round a loop, whose back-edges check, or round a recursion, which
 * passes the entry of a function that is not in this set. A call through a value (a closure, a
 * parameter, a module's member) may reach anything, so it puts its caller outside the set; so does
 * a call to a function that another REPL input declared, since a later input may redefine it.
 */
final class NonRecursiveFunctions {
    private final Map<String, FuncDeclContext> functions = new HashMap<>();
    private final Predicate<String> isBuiltin;
    private final Map<ParserRuleContext, Boolean> known = new HashMap<>();
    private final Set<ParserRuleContext> visiting = new HashSet<>();
    private final Map<ParserRuleContext, Set<String>> localNames = new HashMap<>();

    /** {@code isBuiltin}: whether a name, unless a local shadows it, is a built-in (no declaration or top-level `let` has it). */
    NonRecursiveFunctions(ProgramContext program, Predicate<String> isBuiltin) {
        this.isBuiltin = isBuiltin;
        for (TopDeclContext top : program.topDecl()) {
            if (top.funcDecl() != null) {
                functions.putIfAbsent(top.funcDecl().fnName.getText(), top.funcDecl());
            }
        }
    }

    boolean contains(FuncDeclContext f) {
        return contains(f, f.block());
    }

    boolean contains(LambdaPrimaryContext lambda) {
        return contains(lambda, lambda.body != null ? lambda.body : lambda.value);
    }

    private boolean contains(ParserRuleContext function, ParseTree body) {
        Boolean answer = known.get(function);
        if (answer != null) {
            return answer;
        }
        if (!visiting.add(function)) {
            return false; // a recursion: every function on it answers false
        }
        boolean nonRecursive = callsOnlyNonRecursive(body, namesBoundIn(outermost(function)));
        visiting.remove(function);
        known.put(function, nonRecursive);
        return nonRecursive;
    }

    private boolean callsOnlyNonRecursive(ParseTree t, Set<String> locals) {
        if (t instanceof LambdaPrimaryContext) {
            return true; // making a closure runs none of its body
        }
        if (t instanceof CallPostfixContext call && !callsNonRecursive(call.postfix(), locals)) {
            return false;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (!callsOnlyNonRecursive(t.getChild(i), locals)) {
                return false;
            }
        }
        return true;
    }

    private boolean callsNonRecursive(PostfixContext callee, Set<String> locals) {
        if (!(callee instanceof PrimaryPostfixContext p) || !(p.primary() instanceof NamePrimaryContext n)) {
            return false;
        }
        String name = n.name().getText();
        if (locals.contains(name)) {
            return false;
        }
        FuncDeclContext f = functions.get(name);
        return f != null ? contains(f) : isBuiltin.test(name);
    }

    /** The top-level declaration a function is written in: its locals are the only ones that can shadow a name. */
    private static ParserRuleContext outermost(ParserRuleContext function) {
        ParserRuleContext t = function;
        while (t.getParent() instanceof ParserRuleContext parent && !(parent instanceof ProgramContext)) {
            t = parent;
        }
        return t;
    }

    /**
     * Every name a declaration binds anywhere (parameters, patterns, `catch`, a replicated receive),
     * over-approximated: every name that is not read as a value or a field, and the names `x:y`
     * patterns bind.
     */
    private Set<String> namesBoundIn(ParserRuleContext declaration) {
        return localNames.computeIfAbsent(declaration, d -> {
            Set<String> names = new HashSet<>();
            collectBound(d, names);
            return names;
        });
    }

    private static void collectBound(ParseTree t, Set<String> names) {
        if (t instanceof NameContext n && !(n.getParent() instanceof NamePrimaryContext) && !(n.getParent() instanceof FieldPostfixContext)) {
            names.add(n.getText());
        }
        if (t instanceof FieldPatternContext fp && fp.glued != null) {
            names.add(fp.glued.getText().substring(1));
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectBound(t.getChild(i), names);
        }
    }
}
