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
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Where a module's functions check the quantum (docs/machine-model.md "Preemption"). A thread that
 * runs on without end goes round a loop, whose back-edges check, or round a recursion; so a
 * function's entry only charges the core (ChargeNode), and a check goes before each call that may
 * recur, on each path through the function up to its first such call (RecursionChecks): a call by
 * name of a function on the same cycle of calls (Tarjan's strongly connected components), or a call
 * through a value (a closure, a parameter, a module's member, a function that another REPL input
 * declared), which may lead back. Calls that cannot recur need no check: a leaf of a recursion
 * returns without one. Last, a function checks at its entry if a run of it could make more than
 * {@link #MAX_UNCHECKED_ENTRIES} entries without a check (calls that fan out, say two calls of a
 * function that makes two calls, and so on), so that the time between checks stays short.
 */
final class EntryChecks {
    /** The most function entries without a check that one run of a function may make before its first back-edge. */
    static final int MAX_UNCHECKED_ENTRIES = 100;

    /** A function (a declaration or a literal) and what it calls. */
    private static final class Function {
        final List<Function> callees = new ArrayList<>(); // this module's functions, by name, once per call site
        int weight = -1; // entries without a check in one run up to its first back-edge; 0 if it checks at its entry, -1 until weighed
        boolean callsThroughValue;
        boolean callsModuleMember; // of another module, that cannot call back: it may recur within its module
        boolean callsWaitingMember; // of another module, that may wait (ChanModule.neverWaits)
        int readsDepth; // whether it passes a --max-depth level on (readsDepth): 0 until known, 1 no, 2 yes
        boolean waitsItself; // receives, sends, chooses, starts a thread or calls a built-in that waits (WAITING_BUILTINS)
        int mayWait; // whether a run of it may wait (mayWait): 0 until known, 1 no, 2 yes
        int component = -1; // its strongly connected component of calls by name (Tarjan's algorithm)
        int index = -1;
        int lowLink;
        boolean onStack;
    }

    private final Map<String, FuncDeclContext> declarations = new HashMap<>();
    private final Predicate<String> isBuiltin;
    private final BiPredicate<String, String> cannotCallBack;
    private final BiPredicate<String, String> memberNeverWaits;
    private final Map<ParserRuleContext, Function> functions = new HashMap<>();
    /**
     * Each call's callee among this module's functions, {@link #THROUGH_VALUE} or
     * {@link #MODULE_MEMBER}; a call of a built-in is not here.
     */
    private final Map<CallPostfixContext, Function> callees = new HashMap<>();
    private static final Function THROUGH_VALUE = new Function();
    /** The callee of a call of another module's function that cannot call back: it recurs only within its module. */
    private static final Function MODULE_MEMBER = new Function();
    /** What calleeOf answers for a call of a built-in, which no map holds. */
    private static final Function BUILTIN = new Function();
    private final Map<ParserRuleContext, Set<String>> localNames = new HashMap<>();
    /** The built-ins that may suspend their caller: they wait for time to pass, or for the thread's turn. */
    private static final Set<String> WAITING_BUILTINS = Set.of("sleep", "print", "read_line", "monitor", "kill");
    /**
     * The functions of this module that run in a thread started here: a thread's first function
     * (`start f(...)`), those a `start` block calls by name, and those they call, and so on.
     */
    private final Set<Function> inStartedThreads = new HashSet<>();
    private final Map<Integer, List<Function>> components = new HashMap<>();

    /**
     * {@code isBuiltin}: whether a name, unless a local shadows it, is a built-in (no declaration or
     * top-level `let` has it); {@code cannotCallBack}: whether {@code alias.member}, unless a local
     * shadows the alias, is a function of an imported module that calls no function value, even
     * through the functions it calls (ChanModule.cannotCallBack): a call of it recurs no more than a
     * built-in's; {@code memberNeverWaits}: whether {@code alias.member} is a function of an
     * imported module that never waits (ChanModule.neverWaits; mayWait).
     */
    EntryChecks(ProgramContext program, Predicate<String> isBuiltin, BiPredicate<String, String> cannotCallBack,
                    BiPredicate<String, String> memberNeverWaits) {
        this.isBuiltin = isBuiltin;
        this.cannotCallBack = cannotCallBack;
        this.memberNeverWaits = memberNeverWaits;
        for (TopDeclContext top : program.topDecl()) {
            if (top.funcDecl() != null) {
                declarations.putIfAbsent(top.funcDecl().fnName.getText(), top.funcDecl());
            }
        }
        for (FuncDeclContext f : declarations.values()) {
            function(f);
        }
        findCycles();
        collectStarted(program);
    }

    /**
     * Whether running a loop of {@code definition} (a declaration, a literal, a `start` block's
     * StartExpr or the module's body) may wait, as mayWait asks of a whole function: through what
     * the loop does itself and the calls it makes.
     */
    boolean loopMayWait(ParserRuleContext loop, ParserRuleContext definition) {
        return partMayWait(loop, namesThatMayShadow(definition));
    }

    /** The names that may shadow a function's in a definition: its top-level declaration's (namesBoundIn), or the module body's. */
    private Set<String> namesThatMayShadow(ParserRuleContext definition) {
        return namesBoundIn(definition instanceof ProgramContext program ? program : outermost(definition));
    }

    /**
     * Whether something that may wait can run in {@code definition} before {@code loop} starts: what
     * comes before it in each statement or expression that holds it, and the whole of each loop
     * around it (an iteration before this one), up to the definition; a `choose` around it has
     * waited already.
     */
    boolean waitsBefore(ParserRuleContext loop, ParserRuleContext definition) {
        Set<String> locals = namesThatMayShadow(definition);
        ParseTree child = loop;
        for (ParserRuleContext p = loop.getParent(); p != definition; child = p, p = p.getParent()) {
            if (p instanceof ChooseStmtContext || p instanceof PriChooseStmtContext
                            || (p instanceof WhileStmtContext || p instanceof ForStmtContext) && partMayWait(p, locals)) {
                return true;
            }
            for (int i = 0; p.getChild(i) != child; i++) {
                if (partMayWait(p.getChild(i), locals)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the tree's own operation waits: a receive, a send, a `choose`, a `start` (which waits for the thread's turn). */
    private static boolean waitsHere(ParseTree t) {
        return t instanceof RecvExprContext || t instanceof RecvStatusExprContext || t instanceof SendStmtContext
                        || t instanceof ChooseStmtContext || t instanceof PriChooseStmtContext || t instanceof StartExprContext;
    }

    private boolean partMayWait(ParseTree t, Set<String> locals) {
        if (t instanceof LambdaPrimaryContext) {
            return false; // making a closure runs none of its body
        }
        if (waitsHere(t)) {
            return true;
        }
        if (t instanceof CallPostfixContext call && callMayWait(call, locals)) {
            return true;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (partMayWait(t.getChild(i), locals)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call may wait: what it calls (calleeOf) may, or it calls through a value, which may do anything. */
    private boolean callMayWait(CallPostfixContext call, Set<String> locals) {
        Function callee = calleeOf(call, locals);
        if (callee == BUILTIN || callee == MODULE_MEMBER) {
            return outsideCallMayWait(call, callee);
        }
        return callee == THROUGH_VALUE || mayWait(callee);
    }

    /** The names of this module's functions that never wait (mayWait), for the modules that import it. */
    Set<String> functionsThatNeverWait() {
        Set<String> names = new HashSet<>();
        declarations.forEach((name, declaration) -> {
            if (!mayWait(function(declaration))) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Whether the declared function may run in a thread started in this module: some `start f(...)`
     * runs it first, or a `start` block or such a function calls it by name, directly or through
     * others. Another thread waiting for the core may preempt it anywhere. (The program's main
     * thread, which runs the module's body, does not count: a program that starts no thread is
     * never preempted.)
     */
    boolean runsInAStartedThread(FuncDeclContext f) {
        return inStartedThreads.contains(function(f));
    }

    /**
     * Whether a run of a function may wait: it receives, sends, chooses, starts a thread or calls a
     * built-in that waits, or calls a function that may, or calls through a value or a function of
     * another module that may (ChanModule.neverWaits). A function that never waits, and runs alone,
     * is suspended by nothing (a quantum ends only when another thread waits for the core). Asked
     * of the components of calls by name (findCycles): each component's members answer together,
     * from their own bodies and the components they call, which form no cycle.
     */
    private boolean mayWait(Function f) {
        if (f.mayWait == 0) {
            List<Function> members = f.component < 0 ? List.of(f) : components.computeIfAbsent(f.component, c -> membersOf(c));
            boolean waits = false;
            for (Function m : members) {
                waits |= m.waitsItself || m.callsThroughValue || m.callsWaitingMember;
            }
            for (Function m : members) {
                for (int i = 0; !waits && i < m.callees.size(); i++) {
                    Function g = m.callees.get(i);
                    waits = (g.component < 0 || g.component != f.component) && mayWait(g);
                }
            }
            for (Function m : members) {
                m.mayWait = waits ? 2 : 1;
            }
        }
        return f.mayWait == 2;
    }

    private List<Function> membersOf(int component) {
        List<Function> members = new ArrayList<>();
        for (Function g : functions.values()) {
            if (g.component == component) {
                members.add(g);
            }
        }
        return members;
    }

    private void collectStarted(ParseTree t) {
        if (t instanceof StartExprContext start && start.call instanceof CallPostfixContext call) {
            addThreadFunction(ModuleCompiler.calleeName(call));
        } else if (t instanceof StartExprContext start && start.block() != null) {
            collectCalledByName(start.block());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectStarted(t.getChild(i));
        }
    }

    /** The functions a `start` block calls by name (a local of the same name aside). */
    private void collectCalledByName(ParseTree t) {
        if (t instanceof LambdaPrimaryContext) {
            return;
        }
        if (t instanceof CallPostfixContext call) {
            addThreadFunction(ModuleCompiler.calleeName(call));
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectCalledByName(t.getChild(i));
        }
    }

    /** Adds a declared function, and every function it calls by name, to {@link #inStartedThreads}. */
    private void addThreadFunction(String name) {
        FuncDeclContext declared = name == null ? null : declarations.get(name);
        if (declared == null) {
            return;
        }
        Deque<Function> pending = new ArrayDeque<>(List.of(function(declared)));
        while (!pending.isEmpty()) {
            Function f = pending.pop();
            if (inStartedThreads.add(f)) {
                pending.addAll(f.callees);
            }
        }
    }

    /** Whether the function checks at its entry (it fans out), rather than only charging it. */
    boolean checksAtEntry(FuncDeclContext f) {
        return weigh(function(f)) == 0;
    }

    boolean checksAtEntry(LambdaPrimaryContext lambda) {
        return weigh(function(lambda)) == 0;
    }

    /** Whether a call in {@code caller}'s body (a declaration or a literal) may enter {@code caller} again. */
    boolean mayRecur(ParserRuleContext caller, CallPostfixContext call) {
        int component = function(caller).component; // first: a function literal's calls are collected when first asked
        Function callee = callees.get(call);
        return callee == THROUGH_VALUE || callee != null && component >= 0 && callee.component == component;
    }

    /**
     * Whether this call hands its callee a `--max-depth` level (ChanBytecodeRootNode.CallAtDepth):
     * a call that may recur (it counts), and any call of a function that reads its level, which a
     * call through a value, or of another module's function, may be. Calls of built-ins and of this
     * module's functions that pass no level on need none.
     */
    boolean passesDepth(ParserRuleContext caller, CallPostfixContext call) {
        function(caller); // first: a function literal's calls are collected when first asked
        Function callee = callees.get(call);
        return callee == THROUGH_VALUE || callee == MODULE_MEMBER || callee != null && readsDepth(callee);
    }

    /**
     * Whether a function passes a `--max-depth` level on to some call, so that it reads its own at
     * its entry: it calls through a value or another module's function, lies on a cycle of calls
     * (whose calls count), or calls a function that does. Calls off its cycle lead to other
     * components of the call graph, which form no cycle, so this recursion ends.
     */
    boolean readsDepth(ParserRuleContext definition) {
        return readsDepth(function(definition));
    }

    private boolean readsDepth(Function f) {
        if (f.readsDepth == 0) {
            boolean reads = f.callsThroughValue || f.callsModuleMember || f.component >= 0;
            for (int i = 0; !reads && i < f.callees.size(); i++) {
                reads = readsDepth(f.callees.get(i));
            }
            f.readsDepth = reads ? 2 : 1;
        }
        return f.readsDepth == 2;
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
            collectCall(call, locals, f);
        }
        f.waitsItself |= waitsHere(t);
        for (int i = 0; i < t.getChildCount(); i++) {
            collectCalls(t.getChild(i), locals, f);
        }
    }

    private void collectCall(CallPostfixContext call, Set<String> locals, Function f) {
        Function callee = calleeOf(call, locals);
        if (callee == BUILTIN) {
            f.waitsItself |= outsideCallMayWait(call, callee);
            return; // no built-in calls back into Chan code
        }
        callees.put(call, callee);
        if (callee == MODULE_MEMBER) {
            f.callsModuleMember = true;
            f.callsWaitingMember |= outsideCallMayWait(call, callee);
        } else if (callee == THROUGH_VALUE) {
            f.callsThroughValue = true;
        } else {
            f.callees.add(callee);
        }
    }

    /**
     * What a call calls ({@code locals}: the names that may shadow a function's): this module's
     * function by name, {@link #BUILTIN}, {@link #MODULE_MEMBER} (another module's function that
     * cannot call back), or else {@link #THROUGH_VALUE}.
     */
    private Function calleeOf(CallPostfixContext call, Set<String> locals) {
        String name = ModuleCompiler.calleeName(call);
        if (name != null && !locals.contains(name)) {
            FuncDeclContext declared = declarations.get(name);
            if (declared != null) {
                return function(declared);
            }
            if (isBuiltin.test(name)) {
                return BUILTIN;
            }
        }
        if (call.postfix() instanceof FieldPostfixContext member && member.postfix() instanceof PrimaryPostfixContext p
                        && p.primary() instanceof NamePrimaryContext alias && !locals.contains(alias.name().getText())
                        && cannotCallBack.test(alias.name().getText(), member.name().getText())) {
            return MODULE_MEMBER;
        }
        return THROUGH_VALUE;
    }

    /** Whether a call of a built-in or of another module's function (calleeOf) may wait: WAITING_BUILTINS, ChanModule.neverWaits. */
    private boolean outsideCallMayWait(CallPostfixContext call, Function callee) {
        if (callee == BUILTIN) {
            return WAITING_BUILTINS.contains(ModuleCompiler.calleeName(call));
        }
        FieldPostfixContext member = (FieldPostfixContext) call.postfix();
        return !memberNeverWaits.test(member.postfix().getText(), member.name().getText());
    }

    /** The names of this module's functions that call no function value, even through the functions they call. */
    Set<String> functionsThatCannotCallBack() {
        Set<Function> may = new HashSet<>();
        boolean grew = true;
        while (grew) { // callers of a function that may call back may too, until nothing changes
            grew = false;
            for (Function f : functions.values()) {
                if (!may.contains(f) && (f.callsThroughValue || f.callees.stream().anyMatch(may::contains))) {
                    may.add(f);
                    grew = true;
                }
            }
        }
        Set<String> names = new HashSet<>();
        declarations.forEach((name, declaration) -> {
            if (!may.contains(functions.get(declaration))) {
                names.add(name);
            }
        });
        return names;
    }

    /** Numbers the strongly connected components of calls by name (Tarjan's algorithm). */
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
            boolean cycle = stack.peek() != f || f.callees.contains(f);
            Function g;
            do {
                g = stack.pop();
                g.onStack = false;
                g.component = cycle ? f.index : -1; // -1: on no cycle, so no call of it recurs
            } while (g != f);
        }
    }

    /**
     * The entries without a check that one run of {@code f} may make before its first back-edge (its
     * own and its callees', each call site counted once: a loop's next iteration comes after its
     * back-edge's check), or 0 when {@code f} checks at its entry. A call that may recur counts
     * nothing, as a check may go before it. The calls counted lead to other components of the call
     * graph, which form no cycle, so this recursion ends.
     */
    private int weigh(Function f) {
        if (f.weight < 0) {
            int weight = 1;
            for (Function g : f.callees) {
                if (f.component < 0 || g.component != f.component) {
                    weight += weigh(g);
                }
                if (weight > MAX_UNCHECKED_ENTRIES) {
                    weight = 0;
                    break;
                }
            }
            f.weight = weight;
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
