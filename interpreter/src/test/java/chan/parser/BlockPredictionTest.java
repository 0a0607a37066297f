package chan.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chan.grammar.ChanLexer;
import chan.grammar.ChanParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
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
