package chan.parser;

import chan.nodes.ChanModule;
import chan.nodes.GlobalCell;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top-level names a REPL session has built up, input after input: declarations (functions,
 * consts, structs, imports) and variables (top-level `let`s). Each input is compiled against them
 * ({@link ModuleLoader#loadReplInput}) and, if it compiles, its own names are committed here.
 *
 * <p>A name keeps its {@link GlobalCell} when it is redefined, so code compiled earlier sees the new
 * definition (redefine `f` and every caller of `f` calls the new one). Variables live in cells only
 * between inputs: an input copies them into locals of its body, so closures and `start` blocks still
 * capture by value, and writes them back after each top-level statement.
 */
public final class ReplBindings {
    final Map<String, ModuleCompiler.Declaration> declarations = new LinkedHashMap<>();
    final Map<String, GlobalCell> variables = new LinkedHashMap<>();
    /** Cell values overwritten while compiling the current input, restored if it does not compile. */
    private final Map<GlobalCell, Object> undo = new HashMap<>();

    /** The cell a name has had in this session, or a new one. */
    GlobalCell cellFor(String name) {
        ModuleCompiler.Declaration d = declarations.get(name);
        if (d != null) {
            return d.cell;
        }
        return variables.computeIfAbsent(name, GlobalCell::new);
    }

    /** Remembers a cell's value before the compiler overwrites it. */
    void changing(GlobalCell cell) {
        undo.putIfAbsent(cell, cell.get());
    }

    /** The input did not compile: put back every value its compilation overwrote. */
    void rollback() {
        undo.forEach((cell, value) -> cell.set(value));
        undo.clear();
    }

    /** The input compiled: its declarations replace earlier ones, its `let`s become variables. */
    void commit(Map<String, ModuleCompiler.Declaration> declared, Iterable<String> lets) {
        undo.clear();
        declared.forEach((name, d) -> {
            declarations.put(name, d);
            variables.remove(name);
        });
        for (String name : lets) {
            GlobalCell cell = cellFor(name);
            declarations.remove(name);
            variables.put(name, cell);
        }
    }

    /** Variables that hold a value (a `let` whose input failed before it ran has none). */
    Map<String, GlobalCell> liveVariables() {
        Map<String, GlobalCell> live = new LinkedHashMap<>();
        variables.forEach((name, cell) -> {
            if (cell.get() != null) {
                live.put(name, cell);
            }
        });
        return live;
    }

    /** Every name in scope with its current value (null for a const not yet evaluated), sorted. */
    public Map<String, Object> names() {
        Map<String, Object> names = new TreeMap<>();
        declarations.forEach((name, d) -> names.put(name, d.cell.get()));
        liveVariables().forEach((name, cell) -> names.put(name, cell.get()));
        return names;
    }

    /** The imported modules in scope, by the name they are bound to (for `module.` completion). */
    public Map<String, ChanModule> modules() {
        Map<String, ChanModule> modules = new TreeMap<>();
        declarations.forEach((name, d) -> {
            if (d.kind == ModuleCompiler.Declaration.Kind.IMPORT) {
                modules.put(name, (ChanModule) d.staticValue);
            }
        });
        return modules;
    }
}
