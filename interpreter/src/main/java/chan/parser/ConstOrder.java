package chan.parser;

import chan.grammar.ChanParser.ConstStmtContext;
import chan.grammar.ChanParser.FuncDeclContext;
import chan.grammar.ChanParser.ProgramContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The order in which a module's consts are evaluated: each after the consts it uses, directly or through
 * the top-level functions it calls, so that declarations work "in any order" (LANGUAGE.md §3) as Go's
 * package-level constants do. A dependency is any identifier with a const's or function's name in the
 * initialiser (a local of the same name makes a harmless extra edge). A cycle of consts whose values
 * need each other is a static error ({@link ConstCycles}); in what remains of a cycle here (a const
 * read in a function expression, or a function named but not called), source order decides, and
 * reading one not yet set is the runtime error "used before it is initialised".
 */
final class ConstOrder {
    private final Map<String, ConstStmtContext> consts;
    private final Map<String, FuncDeclContext> functions;
    private final Set<String> done = new HashSet<>();
    private final Set<String> inProgress = new HashSet<>();
    private final List<ConstStmtContext> order = new ArrayList<>();

    private ConstOrder(ProgramContext program) {
        TopLevelNames names = TopLevelNames.of(program);
        this.consts = names.consts();
        this.functions = names.functions();
    }

    /** The module's top-level consts, each after those it depends on. */
    static List<ConstStmtContext> of(ProgramContext program) {
        ConstOrder o = new ConstOrder(program);
        o.consts.keySet().forEach(o::visit);
        return o.order;
    }

    private void visit(String name) {
        if (done.contains(name) || !inProgress.add(name)) {
            return; // evaluated already, or a cycle: source order decides
        }
        ConstStmtContext c = consts.get(name);
        Set<String> used = new HashSet<>();
        collectConsts(c.expr(), used, new HashSet<>());
        used.forEach(this::visit);
        inProgress.remove(name);
        done.add(name);
        order.add(c);
    }

    /** Adds to {@code into} the consts named in {@code tree} and in the functions it names, transitively. */
    private void collectConsts(ParseTree tree, Set<String> into, Set<String> functionsSeen) {
        if (tree instanceof TerminalNode leaf) {
            String text = leaf.getText();
            if (consts.containsKey(text)) {
                into.add(text);
            } else if (functions.containsKey(text) && functionsSeen.add(text)) {
                collectConsts(functions.get(text).block(), into, functionsSeen);
            }
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectConsts(tree.getChild(i), into, functionsSeen);
        }
    }
}
