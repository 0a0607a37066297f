package chan.parser;

import chan.grammar.ChanParser.*;
import chan.values.ChanStructType;
import com.oracle.truffle.api.bytecode.BytecodeLocal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Compiles patterns (`match` arms, destructuring `let`, `for`) into a boolean test that binds the
 * pattern's names as it goes: `(:add, a, b)` becomes
 * {@code IsTupleOf(3, s) && s[0] == :add && (a = s[1], true) && (b = s[2], true)}.
 * A name always binds (as in Rust and Elixir); `^x` compares with the value of an existing x.
 */
final class PatternCompiler {
    /** How to reach a part of the subject: an index into a tuple or list, a struct field, or a list tail. */
    private record Step(Object index, String field, int tailFrom) {
        static Step index(long i) {
            return new Step(i, null, -1);
        }

        static Step field(String name) {
            return new Step(null, name, -1);
        }

        static Step tail(int from) {
            return new Step(null, null, from);
        }
    }

    private final ModuleCompiler c;

    PatternCompiler(ModuleCompiler compiler) {
        this.c = compiler;
    }

    /** The names a pattern binds, in order. */
    static Set<String> boundNames(PatternContext p) {
        Set<String> names = new LinkedHashSet<>();
        collect(p, names, null);
        return names;
    }

    /**
     * Declares a local for every name the pattern binds, in the current block. A name bound twice
     * in one pattern (`(a, a)`) is a static error, as in Rust and Python: it would not compare the
     * two values (`^a` compares with an `a` bound before the pattern), and the second would win.
     */
    void declareBindings(PatternContext p, boolean constant) {
        List<Token> tokens = new ArrayList<>();
        collect(p, new LinkedHashSet<>(), tokens);
        Set<String> declared = new HashSet<>();
        for (Token t : tokens) {
            if (declared.add(t.getText())) {
                c.declareLocal(t, constant);
            } else {
                c.error(t, "'" + t.getText() + "' is bound twice in this pattern");
            }
        }
    }

    /**
     * A const named in a match arm's pattern (`K => …`) is a static error that says to write `^K`:
     * a name in a pattern binds a new variable, so the arm would match every value and hide the
     * const, where its writer meant to compare. Rust compares with a const so named instead; Chan
     * keeps one rule for names in patterns (a name binds, `^` compares: docs/extensions.md, "A
     * const in a pattern").
     */
    void refuseConstNames(PatternContext p) {
        List<Token> tokens = new ArrayList<>();
        collect(p, new LinkedHashSet<>(), tokens);
        for (Token t : tokens) {
            String name = t.getText();
            if (c.isConstName(name)) {
                c.error(t, "'" + name + "' is a const, and a name in a pattern binds a new variable: write ^" + name
                                + " to compare with the const's value, or another name to bind one");
            }
        }
    }

    private static void collect(PatternContext p, Set<String> names, List<Token> tokens) {
        if (p instanceof BindPatternContext bind) {
            add(bind.name().getStart(), names, tokens);
        } else if (p instanceof SingleTuplePatternContext st) {
            collect(st.pattern(), names, tokens);
        } else if (p instanceof TuplePatternContext t) {
            t.pattern().forEach(q -> collect(q, names, tokens));
        } else if (p instanceof ParenPatternContext paren) {
            collect(paren.pattern(), names, tokens);
        } else if (p instanceof ListPatternContext l) {
            l.pattern().forEach(q -> collect(q, names, tokens));
            if (l.rest != null) {
                add(l.rest.getStart(), names, tokens);
            }
        } else if (p instanceof StructPatternContext s) {
            for (FieldPatternContext f : s.fieldPattern()) {
                if (f.pattern() != null) {
                    collect(f.pattern(), names, tokens);
                } else if (f.glued != null) {
                    add(ExpressionCompiler.nameAfterColon(f.glued), names, tokens);
                } else {
                    add(f.name().getStart(), names, tokens);
                }
            }
        }
    }

    /** Adds a bound name to {@code names} and, if asked for, its every occurrence to {@code tokens}. */
    private static void add(Token name, Set<String> names, List<Token> tokens) {
        if (name.getText().equals("_")) {
            return;
        }
        names.add(name.getText());
        if (tokens != null) {
            tokens.add(name);
        }
    }

    /** Emits the test of the pattern against the value in {@code subject} (a boolean). */
    void emitTest(PatternContext p, BytecodeLocal subject) {
        emitTest(p, subject, new ArrayList<>());
    }

    private void emitTest(PatternContext p, BytecodeLocal subject, List<Step> path) {
        var b = c.b;
        if (p instanceof BindPatternContext bind) {
            String name = bind.name().getText();
            if (!name.equals("_")) {
                emitBind(name, subject, path);
            } else {
                b.emitLoadConstant(true);
            }
        } else if (p instanceof LiteralPatternContext lit) {
            emitEquals(subject, path, Literals.value(lit.literal()));
        } else if (p instanceof NegativePatternContext neg) {
            String text = neg.getChild(1).getText();
            emitEquals(subject, path, Literals.negate(Literals.number(text)));
        } else if (p instanceof EmptyTuplePatternContext) {
            b.beginIsTupleOf(0);
            emitPath(subject, path, path.size());
            b.endIsTupleOf();
        } else if (p instanceof ParenPatternContext paren) {
            emitTest(paren.pattern(), subject, path);
        } else if (p instanceof SingleTuplePatternContext st) {
            emitTuple(List.of(st.pattern()), subject, path);
        } else if (p instanceof TuplePatternContext t) {
            emitTuple(t.pattern(), subject, path);
        } else if (p instanceof ListPatternContext l) {
            emitList(l, subject, path);
        } else if (p instanceof StructPatternContext s) {
            emitStruct(s, subject, path);
        } else if (p instanceof PinPatternContext pin) {
            b.beginEqual();
            emitPath(subject, path, path.size());
            Scope.Ref ref = c.resolve(pin.name().getStart());
            if (ref == null) {
                b.emitLoadConstant(chan.values.ChanNil.NIL);
            } else {
                c.emitLoad(ref);
            }
            b.endEqual();
        }
    }

    private void emitTuple(List<PatternContext> elements, BytecodeLocal subject, List<Step> path) {
        var b = c.b;
        b.beginAnd();
        b.beginIsTupleOf(elements.size());
        emitPath(subject, path, path.size());
        b.endIsTupleOf();
        for (int i = 0; i < elements.size(); i++) {
            path.add(Step.index(i));
            emitTest(elements.get(i), subject, path);
            path.remove(path.size() - 1);
        }
        b.endAnd();
    }

    private void emitList(ListPatternContext l, BytecodeLocal subject, List<Step> path) {
        var b = c.b;
        List<PatternContext> elements = l.pattern();
        b.beginAnd();
        b.beginIsListOf(elements.size(), l.rest != null);
        emitPath(subject, path, path.size());
        b.endIsListOf();
        for (int i = 0; i < elements.size(); i++) {
            path.add(Step.index(i));
            emitTest(elements.get(i), subject, path);
            path.remove(path.size() - 1);
        }
        if (l.rest != null && !l.rest.getText().equals("_")) {
            path.add(Step.tail(elements.size()));
            emitBind(l.rest.getText(), subject, path);
            path.remove(path.size() - 1);
        }
        b.endAnd();
    }

    private void emitStruct(StructPatternContext s, BytecodeLocal subject, List<Step> path) {
        var b = c.b;
        ChanStructType type = c.structType(s.module, s.structName);
        b.beginAnd();
        if (type == null) {
            b.emitLoadConstant(false);
        } else {
            b.beginIsStructOf(type);
            emitPath(subject, path, path.size());
            b.endIsStructOf();
        }
        reportFieldsNamedTwice(s);
        for (FieldPatternContext f : s.fieldPattern()) {
            String field = f.name().getText();
            if (type != null && type.fieldIndex(field) < 0) {
                c.error(f.name().getStart(), "struct " + type.name() + " has no field '" + field + "'");
            }
            path.add(Step.field(field));
            if (f.pattern() != null) {
                emitTest(f.pattern(), subject, path);
            } else if (f.glued != null) {
                emitBind(f.glued.getText().substring(1), subject, path);
            } else {
                emitBind(field, subject, path);
            }
            path.remove(path.size() - 1);
        }
        b.endAnd();
    }

    /**
     * A field named twice is a static error, as in a struct literal: it would test one field against
     * two patterns. `P{x, x}` is already reported, as x bound twice (its bindings are declared first).
     */
    private void reportFieldsNamedTwice(StructPatternContext s) {
        Set<String> seen = new HashSet<>();
        for (FieldPatternContext f : s.fieldPattern()) {
            Token name = f.name().getStart();
            if (!seen.add(name.getText()) && !c.hasErrorAt(name)) {
                c.error(name, "duplicate field '" + name.getText() + "'");
            }
        }
    }

    private void emitEquals(BytecodeLocal subject, List<Step> path, Object constant) {
        var b = c.b;
        b.beginEqual();
        emitPath(subject, path, path.size());
        b.emitLoadConstant(constant);
        b.endEqual();
    }

    /** Stores the part of the subject at {@code path} into the local named, and yields true. */
    private void emitBind(String name, BytecodeLocal subject, List<Step> path) {
        var b = c.b;
        Scope.Local local = c.scope.findLocal(name);
        b.beginBlock();
        b.beginStoreLocal(local.local());
        emitPath(subject, path, path.size());
        b.endStoreLocal();
        b.emitLoadConstant(true);
        b.endBlock();
    }

    /** Emits the load of the first {@code n} steps of the path from the subject. */
    private void emitPath(BytecodeLocal subject, List<Step> path, int n) {
        var b = c.b;
        if (n == 0) {
            b.emitLoadLocal(subject);
            return;
        }
        Step step = path.get(n - 1);
        if (step.field() != null) {
            b.beginGetField(step.field());
            emitPath(subject, path, n - 1);
            b.endGetField();
        } else if (step.tailFrom() >= 0) {
            b.beginListTail(step.tailFrom());
            emitPath(subject, path, n - 1);
            b.endListTail();
        } else {
            b.beginIndex();
            emitPath(subject, path, n - 1);
            b.emitLoadConstant(step.index());
            b.endIndex();
        }
    }
}
