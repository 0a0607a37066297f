package chan.parser;

import chan.grammar.ChanParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Which functions of a module check the quantum at their entry (Poll) and which only charge it
 * (ChargeNode, docs/machine-model.md "Preemption"). A thread that runs on without end goes round a
 * loop, whose back-edges check, or round a recursion; so a function needs the check only if it may
 * be part of a recursion: it lies on a cycle of calls by name between this module's functions, or it
 * calls something through a value (a closure, a parameter, a module's member), which may lead back
 * to it. A call to a function that another REPL input declared counts as a call through a value,
 * since a later input may redefine it. Last, a function checks if a run of it could make more than
 * {@link #MAX_UNCHECKED_ENTRIES} entries without a check (calls that fan out, say two calls of a
 * function that makes two calls, and so on), so that the time between checks stays short.
 */
final class EntryChecks {
    /** The most function entries without a check that one run of a function may make before its first back-edge. */
    static final int MAX_UNCHECKED_ENTRIES = 100;

    /** A function (a declaration or a literal) and what it calls. */
    private static final class Function {
        final List<Function> callees = new ArrayList<>(); // this module's functions, by name, once per call site
        boolean callsThroughValue;
        boolean onCycle;
        int weight; // entries without a check in one run up to its first back-edge; 0 if it checks
        boolean weighed;
        // Tarjan's strongly connected components
        int index = -1;
        int lowLink;
        boolean onStack;
    }

    private final Map<String, FuncDeclContext> declarations = new HashMap<>();
    private final Predicate<String> isBuiltin;
    private final Map<ParserRuleContext, Function> functions = new HashMap<>();
    private final Map<ParserRuleContext, Set<String>> localNames = new HashMap<>();

    /** {@code isBuiltin}: whether a name, unless a local shadows it, is a built-in (no declaration or top-level `let` has it). */
    EntryChecks(ProgramContext program, Predicate<String> isBuiltin) {
        this.isBuiltin = isBuiltin;
        for (TopDeclContext top : program.topDecl()) {
            if (top.funcDecl() != null) {
                declarations.putIfAbsent(top.funcDecl().fnName.getText(), top.funcDecl());
            }
        }
        for (FuncDeclContext f : declarations.values()) {
            function(f);
        }
        findCycles();
    }

    /** Whether the function's entry only charges the core, without a quantum check. */
    boolean uncheckedEntry(FuncDeclContext f) {
        return weigh(function(f)) > 0;
    }

    boolean uncheckedEntry(LambdaPrimaryContext lambda) {
        return weigh(function(lambda)) > 0;
    }

    private Function function(ParserRuleContext definition) {
        Function known = functions.get(definition);
        if (known != null) {
            return known;
        }
        Function f = new Function();
        functions.put(definition, f);
        collectCalls(body(definition), namesBoundIn(outermost(definition)), f);
        return f;
    }

    private static ParseTree body(ParserRuleContext definition) {
        if (definition instanceof LambdaPrimaryContext lambda) {
            return lambda.body != null ? lambda.body : lambda.value;
        }
        return ((FuncDeclContext) definition).block();
    }

    private void collectCalls(ParseTree t, Set<String> locals, Function f) {
        if (t instanceof LambdaPrimaryContext) {
            return; // making a closure runs none of its body
        }
        if (t instanceof CallPostfixContext call) {
            collectCall(call.postfix(), locals, f);
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectCalls(t.getChild(i), locals, f);
        }
    }

    private void collectCall(PostfixContext callee, Set<String> locals, Function f) {
        if (callee instanceof PrimaryPostfixContext p && p.primary() instanceof NamePrimaryContext n && !locals.contains(n.name().getText())) {
            String name = n.name().getText();
            FuncDeclContext declared = declarations.get(name);
            if (declared != null) {
                f.callees.add(function(declared));
                return;
            }
            if (isBuiltin.test(name)) {
                return; // no built-in calls back into Chan code
            }
        }
        f.callsThroughValue = true;
    }

    /** Marks every function that lies on a cycle of calls by name (Tarjan's algorithm). */
    private void findCycles() {
        int[] counter = {0};
        Deque<Function> stack = new ArrayDeque<>();
        for (Function f : new ArrayList<>(functions.values())) {
            if (f.index < 0) {
                connect(f, counter, stack);
            }
        }
    }

    private void connect(Function f, int[] counter, Deque<Function> stack) {
        f.index = f.lowLink = counter[0]++;
        stack.push(f);
        f.onStack = true;
        for (Function g : f.callees) {
            if (g.index < 0) {
                connect(g, counter, stack);
                f.lowLink = Math.min(f.lowLink, g.lowLink);
            } else if (g.onStack) {
                f.lowLink = Math.min(f.lowLink, g.index);
            }
        }
        if (f.lowLink == f.index) {
            List<Function> component = new ArrayList<>();
            Function g;
            do {
                g = stack.pop();
                g.onStack = false;
                component.add(g);
            } while (g != f);
            boolean cycle = component.size() > 1 || f.callees.contains(f);
            for (Function member : component) {
                member.onCycle = cycle;
            }
        }
    }

    /**
     * The entries without a check that one run of {@code f} may make before its first back-edge (its
     * own and its unchecked callees', each call site counted once: a loop's next iteration comes after
     * its back-edge's check), or 0 when {@code f} checks at its entry. Calls by name off every cycle
     * form no cycle, so this recursion ends.
     */
    private int weigh(Function f) {
        if (!f.weighed) {
            int weight = 0;
            if (!f.onCycle && !f.callsThroughValue) {
                weight = 1;
                for (Function g : f.callees) {
                    weight += weigh(g);
                    if (weight > MAX_UNCHECKED_ENTRIES) {
                        weight = 0;
                        break;
                    }
                }
            }
            f.weight = weight;
            f.weighed = true;
        }
        return f.weight;
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
