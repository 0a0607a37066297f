package chan.parser;

import chan.values.ChanFunction;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name resolution for one function being compiled. A name is, innermost first: a local of this
 * function's blocks, a value captured from an enclosing function (closures and `start` blocks
 * capture by value, when they are created), a top-level declaration of the module, or a built-in.
 * A named function has no enclosing function: it sees its own locals and the module's
 * declarations, never a top-level `let`.
 */
final class Scope {
    /** What a name refers to. */
    sealed interface Ref permits Local, Captured, Global, Builtin {}

    record Local(String name, BytecodeLocal local, boolean constant) implements Ref {}

    record Captured(String name, int index, boolean constant) implements Ref {}

    record Global(ModuleCompiler.Declaration declaration) implements Ref {}

    record Builtin(ChanFunction function) implements Ref {}

    /** A value this function captures, and where the enclosing function finds it. */
    record Capture(String name, int index, Ref outer) {}

    final Scope enclosing;
    final String functionName;
    final boolean isModuleBody;
    /**
     * The locals in scope: each name's declarations, innermost last, each with the block that made
     * it. A lookup is one map read however deep the blocks nest (a walk over every enclosing block
     * made 30 000 nested `if`s take 15 s to compile).
     */
    private final Map<String, ArrayList<Declared>> visible = new HashMap<>();
    /** The names each open block declared, innermost last: they leave {@link #visible} when it closes. */
    private final List<ArrayList<String>> blocks = new ArrayList<>();
    private final Map<String, Capture> captures;

    private record Declared(Local local, int block) {}

    Scope(Scope enclosing, String functionName, boolean isModuleBody) {
        this(enclosing, functionName, isModuleBody, new LinkedHashMap<>());
    }

    private Scope(Scope enclosing, String functionName, boolean isModuleBody, Map<String, Capture> captures) {
        this.enclosing = enclosing;
        this.functionName = functionName;
        this.isModuleBody = isModuleBody;
        this.captures = captures;
        pushBlock();
    }

    /**
     * The scope of a loop of this function compiled as a root of its own (OutlinedLoops): no locals
     * yet (the loop declares those of the function it names), and the function's captures, shared,
     * since the loop reads them from the function's own closure.
     */
    Scope forOutlinedLoop() {
        return new Scope(enclosing, functionName, isModuleBody, captures);
    }

    void pushBlock() {
        blocks.add(new ArrayList<>());
    }

    void popBlock() {
        for (String name : blocks.remove(blocks.size() - 1)) {
            ArrayList<Declared> declarations = visible.get(name);
            declarations.remove(declarations.size() - 1);
            if (declarations.isEmpty()) {
                visible.remove(name);
            }
        }
    }

    /** Declares a local in the innermost block; false if that block already has the name. */
    boolean declare(String name, BytecodeLocal local, boolean constant) {
        int block = blocks.size() - 1;
        ArrayList<Declared> declarations = visible.computeIfAbsent(name, n -> new ArrayList<>(1));
        if (!declarations.isEmpty() && declarations.get(declarations.size() - 1).block() == block) {
            return false;
        }
        declarations.add(new Declared(new Local(name, local, constant), block));
        blocks.get(block).add(name);
        return true;
    }

    /** Whether this function (not an enclosing one) has the name as a local. */
    Local findLocal(String name) {
        ArrayList<Declared> declarations = visible.get(name);
        return declarations == null ? null : declarations.get(declarations.size() - 1).local();
    }

    /** A local of this function or of an enclosing one (then captured), or null. */
    Ref findVariable(String name) {
        Local local = findLocal(name);
        if (local != null) {
            return local;
        }
        Capture capture = captures.get(name);
        if (capture != null) {
            return new Captured(name, capture.index(), isConstant(capture.outer()));
        }
        if (enclosing == null) {
            return null;
        }
        Ref outer = enclosing.findVariable(name);
        if (outer == null) {
            return null;
        }
        Capture added = new Capture(name, captures.size(), outer);
        captures.put(name, added);
        return new Captured(name, added.index(), isConstant(outer));
    }

    private static boolean isConstant(Ref ref) {
        return ref instanceof Local l ? l.constant() : ref instanceof Captured c && c.constant();
    }

    List<Capture> captures() {
        return new ArrayList<>(captures.values());
    }

    /** The value this function captures under {@code name}, or null: the name is an enclosing function's variable. */
    Captured captured(String name) {
        Capture capture = captures.get(name);
        return capture == null ? null : new Captured(name, capture.index(), isConstant(capture.outer()));
    }

    /**
     * What a root's build starts from, to start a build of it again from the same place
     * (ModuleCompiler.RootBuild): this scope as it is before the root declares anything, its
     * captures read when the build again comes, after the first build has made them all.
     */
    Seed seed() {
        Scope outermost = this;
        while (outermost.enclosing != null) {
            outermost = outermost.enclosing;
        }
        return new Seed(functionName, isModuleBody, captures, enclosing == null ? null : outermost.functionName, outermost.isModuleBody);
    }

    /**
     * {@link #seed}'s state. The scope made again has no enclosing function's locals: every name the
     * first build found there is among the captures. An empty outermost scope stands for the
     * enclosing ones, so that the root still knows whether it is inside the module's body.
     */
    record Seed(String functionName, boolean isModuleBody, Map<String, Capture> captures, String outermostName, boolean outermostIsModuleBody) {
        Scope fresh() {
            Scope outermost = outermostName == null ? null : new Scope(null, outermostName, outermostIsModuleBody);
            return new Scope(outermost, functionName, isModuleBody, new LinkedHashMap<>(captures));
        }
    }
}
