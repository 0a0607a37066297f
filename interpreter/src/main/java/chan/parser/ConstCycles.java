package chan.parser;

import chan.grammar.ChanParser.BindPatternContext;
import chan.grammar.ChanParser.CallPostfixContext;
import chan.grammar.ChanParser.ConstStmtContext;
import chan.grammar.ChanParser.FieldPatternContext;
import chan.grammar.ChanParser.FuncDeclContext;
import chan.grammar.ChanParser.LambdaPrimaryContext;
import chan.grammar.ChanParser.ListPatternContext;
import chan.grammar.ChanParser.NamePrimaryContext;
import chan.grammar.ChanParser.ParamContext;
import chan.grammar.ChanParser.PinPatternContext;
import chan.grammar.ChanParser.PrimaryPostfixContext;
import chan.grammar.ChanParser.ProgramContext;
import chan.grammar.ChanParser.ReplicatedRecvCommContext;
import chan.grammar.ChanParser.StartExprContext;
import chan.grammar.ChanParser.TryStmtContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Top-level consts whose values need each other (`const A = B + 1; const B = A;`): a static error,
 * `const cycle: A -> B -> A`, at the first const of the cycle, as Go refuses an initialization cycle.
 * Whichever were evaluated first would read the other before it is set.
 *
 * <p>A const needs what its initialiser evaluates: the consts it names, and the named functions it
 * calls by name, which need what their bodies name and call, whether or not the branch runs (Go's
 * rule). What runs later is left out: the body of a function expression or a `start`, and a function
 * named without being called (`const HANDLERS = [serve]` may be read by serve). A name that a
 * function binds anywhere (a parameter, a `let`, a pattern, a `catch`, a local const) is taken for
 * that local throughout the function, so a local never makes a cycle; a cycle the check cannot see
 * (a function value called while a const is evaluated) stays the run-time error `'A' is used before
 * it is initialised`.
 */
final class ConstCycles {
    private final Map<String, ConstStmtContext> consts;
    private final Map<String, FuncDeclContext> functions;
    /** What each const or function needs directly: names of consts and of functions, in source order. */
    private final Map<String, Set<String>> needs = new HashMap<>();

    private ConstCycles(ProgramContext program) {
        TopLevelNames names = TopLevelNames.of(program);
        this.consts = names.consts();
        this.functions = names.functions();
    }

    /** Reports each cycle among the module's top-level consts once, at its first const in source order. */
    static void report(ProgramContext program, BiConsumer<Token, String> error) {
        ConstCycles cycles = new ConstCycles(program);
        Set<String> reported = new HashSet<>();
        for (String name : cycles.consts.keySet()) {
            if (reported.contains(name)) {
                continue;
            }
            List<String> cycle = cycles.pathBack(name);
            if (cycle != null) {
                reported.addAll(cycle);
                error.accept(cycles.consts.get(name).name().getStart(), "const cycle: " + cycles.spelled(cycle));
            }
        }
    }

    /** The shortest path of needs from the const {@code start} back to it (start first, not repeated), or null. */
    private List<String> pathBack(String start) {
        Map<String, String> reachedFrom = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : needsOf(at)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String n = at; n != null; n = reachedFrom.get(n)) {
                        path.addFirst(n);
                    }
                    return path;
                }
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** `A -> f() -> B -> A`: consts by name, functions as called. */
    private String spelled(List<String> cycle) {
        StringBuilder s = new StringBuilder();
        for (String name : cycle) {
            s.append(consts.containsKey(name) ? name : name + "()").append(" -> ");
        }
        return s.append(cycle.getFirst()).toString();
    }

    private Set<String> needsOf(String name) {
        return needs.computeIfAbsent(name, n -> {
            Set<String> into = new LinkedHashSet<>();
            if (consts.containsKey(n)) {
                collect(consts.get(n).expr(), Set.of(), into);
            } else {
                FuncDeclContext f = functions.get(n);
                collect(f.block(), boundIn(f), into);
            }
            return into;
        });
    }

    /** Adds to {@code into} the consts {@code tree} reads and the functions it calls, as it runs now. */
    private void collect(ParseTree tree, Set<String> locals, Set<String> into) {
        if (tree instanceof LambdaPrimaryContext || tree instanceof StartExprContext) {
            return; // runs later, if at all
        }
        String read = tree instanceof NamePrimaryContext np ? np.name().getText()
                        : tree instanceof PinPatternContext pin ? pin.name().getText() : null;
        if (read != null) {
            if (consts.containsKey(read) && !locals.contains(read)) {
                into.add(read);
            }
            return;
        }
        if (tree instanceof CallPostfixContext call && call.postfix() instanceof PrimaryPostfixContext pp
                        && pp.primary() instanceof NamePrimaryContext callee) {
            String text = callee.name().getText();
            if (functions.containsKey(text) && !locals.contains(text)) {
                into.add(text);
            }
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collect(tree.getChild(i), locals, into);
        }
    }

    /** Every name the function binds somewhere in its body or parameters, function expressions aside. */
    private static Set<String> boundIn(FuncDeclContext f) {
        Set<String> bound = new HashSet<>();
        addBound(f, bound);
        return bound;
    }

    private static void addBound(ParseTree tree, Set<String> bound) {
        switch (tree) {
            case LambdaPrimaryContext lambda -> { return; } // its bindings are its own, and its body is not collected
            case ParamContext p -> bound.add(p.name().getText());
            case BindPatternContext p -> bound.add(p.name().getText());
            case ListPatternContext p when p.rest != null -> bound.add(p.rest.getText());
            case FieldPatternContext p when p.glued != null -> bound.add(p.glued.getText().substring(1)); // `x:y` binds y
            case FieldPatternContext p when p.pattern() == null -> bound.add(p.name().getText());
            case TryStmtContext t -> bound.add(t.name().getText());
            case ConstStmtContext c -> bound.add(c.name().getText());
            case ReplicatedRecvCommContext r -> bound.add(r.var.getText());
            default -> { }
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            addBound(tree.getChild(i), bound);
        }
    }
}
