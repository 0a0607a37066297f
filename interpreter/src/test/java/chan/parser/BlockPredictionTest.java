package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

/**
 * BlockPrediction decides a statement-initial `{` without ANTLR only where ANTLR would decide the same:
 * for a map or a block followed by each token there is, both parsers give the same tree, or both find
 * a syntax error (not always at the same token: a map statement missing its `;` is then read as a
 * block, and its first `=>` is the error).
 */
class BlockPredictionTest {
    private static final String[] STATEMENTS = {"{1 => 2} %s 3;", "{} %s 3;", "{ print(1); } %s 3;", "match (1) { 1 => {2 => 3} %s x; }",
                    "match (1) { 1 => { print(1); } %s 2 => 4; }", "fn f() { {1 => 2} %s 3; }",
                    "start { print(1); } %s 3;", "fn f() { start { start { }; } %s x; }", "let t = start { } %s 1;"};

    @Test
    void agreesWithAntlrWhateverFollowsTheBrace() {
        for (String statement : STATEMENTS) {
            for (int type = 1; type <= ChanParser.VOCABULARY.getMaxTokenType(); type++) {
                String text = ChanParser.VOCABULARY.getLiteralName(type);
                String token = text != null ? text.substring(1, text.length() - 1) : sampleOf(type);
                String program = statement.formatted(token);
                String antlr = parse(program, false);
                String ours = parse(program, true);
                if (antlr.endsWith("]")) { // a syntax error: one may be found elsewhere, but not none
                    assertTrue(ours.endsWith("]"), program + " parsed as " + ours);
                } else {
                    assertEquals(antlr, ours, program);
                }
            }
        }
    }

    /** Statements and expressions whose kind TokenNesting and the postfix shortcut decide, each with every token in a gap. */
    private static final String[] EXPRESSIONS = {"f(x) %s 1;", "a[1] %s b;", "x %s <-c;", "<-c %s 1;", "x <- y %s z;", "start f(1) %s x;",
                    "fn f() { g(h(1)) %s 2; }", "f(g(1) %s 2);", "x.y %s z;", "p with {a: 1} %s q;", "let t = start { print(1); %s };",
                    "let t = start {1 => 2} %s x;", "start { f(1); } %s", "start { start { f(); }; %s };", "(fn () => g)(1) %s 2;",
                    "f(fn () => x(1) %s 2);", "let g = fn () => x %s (1);", "let g = fn () => x %s [1];", "let g = fn () => x %s .y;",
                    "m[k] %s= 1;", "a = b %s c;", "a %s b = c;", "match (1) { 1 => f(2) %s 3, }", "(a, b) %s 1;", "[1] %s [2];"};

    @Test
    void agreesWithAntlrOnStatementsThatStartWithAnExpression() {
        for (String statement : EXPRESSIONS) {
            for (int type = 1; type <= ChanParser.VOCABULARY.getMaxTokenType(); type++) {
                String text = ChanParser.VOCABULARY.getLiteralName(type);
                String program = statement.formatted(text != null ? text.substring(1, text.length() - 1) : sampleOf(type));
                String antlr = parse(program, false);
                String ours = parse(program, true);
                if (antlr.endsWith("]")) {
                    assertTrue(ours.endsWith("]"), program + " parsed as " + ours);
                } else {
                    assertEquals(antlr, ours, program);
                }
            }
        }
    }

    private static final int DEPTH = 300;
    private static final String NESTED_CALLS = "print(" + "f(".repeat(DEPTH) + "a[1].b" + ")".repeat(DEPTH) + ");";
    private static final String NESTED_STARTS = "let t = " + "start { ".repeat(DEPTH) + "print(1);" + " };".repeat(DEPTH);
    private static final String NESTED_TRIES = "try { ".repeat(DEPTH) + "print(1);" + " } catch (e) { print(e); }".repeat(DEPTH);

    /** ANTLR looked for the `;` of a statement through the nested calls, and for a map's `=>` through the nested starts. */
    @Test
    void predictionsInDeeplyNestedCodeLookOnlyAFewTokensAhead() {
        for (String program : new String[] {NESTED_CALLS, NESTED_STARTS}) {
            for (PredictionMode mode : new PredictionMode[] {PredictionMode.SLL, PredictionMode.LL}) {
                String shape = mode + " " + program.substring(0, 20);
                assertTrue(lookahead(program, true, mode) < 10, shape);
                assertTrue(lookahead(program, false, mode) > DEPTH, "the plain parser looks through the nesting: " + shape);
            }
        }
    }

    /** In LL mode, each call's `(` made ANTLR predict with the whole chain of enclosing rules: n calls n deep cost n². */
    @Test
    void callsInDeeplyNestedCodeNeedNoFullContextPrediction() {
        for (String program : new String[] {NESTED_CALLS, NESTED_TRIES}) {
            assertEquals(0, fullContextPredictions(program, true), program.substring(0, 20));
            assertTrue(fullContextPredictions(program, false) > DEPTH, "the plain parser: " + program.substring(0, 20));
        }
    }

    /** The furthest any prediction looked past the token it was made at, in tokens. */
    private static int lookahead(String program, boolean blockPrediction, PredictionMode mode) {
        int[] furthest = {0};
        CommonTokenStream tokens = new CommonTokenStream(ParseAhead.lexer(program, "test", new BaseErrorListener())) {
            @Override
            public void seek(int index) { // a prediction ends by going back to where it started
                furthest[0] = Math.max(furthest[0], index() - index);
                super.seek(index);
            }
        };
        ChanParser parser = blockPrediction ? BlockPrediction.parser(tokens) : new ChanParser(tokens);
        parser.getInterpreter().setPredictionMode(mode);
        parser.removeErrorListeners();
        parser.program();
        assertEquals(0, parser.getNumberOfSyntaxErrors());
        return furthest[0];
    }

    private static int fullContextPredictions(String program, boolean blockPrediction) {
        int[] count = {0};
        CommonTokenStream tokens = new CommonTokenStream(ParseAhead.lexer(program, "test", new BaseErrorListener()));
        ChanParser parser = blockPrediction ? BlockPrediction.parser(tokens) : new ChanParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void reportAttemptingFullContext(Parser p, DFA dfa, int start, int stop, BitSet alts, ATNConfigSet configs) {
                count[0]++;
            }
        });
        parser.program();
        assertEquals(0, parser.getNumberOfSyntaxErrors());
        return count[0];
    }

    @Test
    void aStatementMapStillParsesAsAnExpressionAndABlockAsABlock() {
        String tree = parse("{1 => 2}[1]; { print(1); };", true);
        assertTrue(tree.startsWith("(Program (TopDecl (ExprStmt (PostfixExpr (IndexPostfix (PrimaryPostfix (MapPrimary {"), tree);
        assertTrue(tree.contains("(TopDecl (BlockStmt (Block {"), tree);
    }

    private static String sampleOf(int type) {
        return switch (type) {
            case ChanLexer.IDENT -> "x";
            case ChanLexer.ATOM -> ":a";
            case ChanLexer.INT -> "1";
            case ChanLexer.FLOAT -> "1.5";
            case ChanLexer.STRING -> "\"s\"";
            default -> "@";
        };
    }

    /** The tree, each node named by its context's class, then any syntax errors in brackets. */
    private static String parse(String program, boolean blockPrediction) {
        List<String> errors = new ArrayList<>();
        var listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
                errors.add(column + ": " + msg);
            }
        };
        CommonTokenStream tokens = new CommonTokenStream(ParseAhead.lexer(program, "test", listener));
        ChanParser parser = blockPrediction ? BlockPrediction.parser(tokens) : new ChanParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        return tree(parser.program()) + (errors.isEmpty() ? "" : " " + errors);
    }

    private static String tree(ParseTree node) {
        if (!(node instanceof ParserRuleContext context)) {
            return node.getText();
        }
        StringBuilder s = new StringBuilder("(").append(context.getClass().getSimpleName().replace("Context", ""));
        for (int i = 0; i < context.getChildCount(); i++) {
            s.append(' ').append(tree(context.getChild(i)));
        }
        return s.append(')').toString();
    }
}
