package chan.parser;

import chan.grammar.ChanParser;
import java.util.ArrayDeque;
import java.util.Set;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.RuleTransition;

/**
 * Chooses a block at once for a statement that starts with a `{` whose matching `}` is followed by a
 * token no expression can go on with. Such a statement is a block or an expression starting with a
 * map (`{k => v}[k];`), and ANTLR's prediction looks ahead until the two part, which for nested blocks
 * is inside the innermost one: blocks n deep cost n² (8 000 deep took 20 s, 50 000 never ended). An
 * expression statement needs at least its `;` after the map, so any other token after the `}` leaves
 * only the block; the pairs of braces are found once per file, in one pass over its tokens. Every
 * other case, a map statement among them, is left to ANTLR (BlockPredictionTest checks the two agree).
 *
 * <p>A statement that starts with `start {` is the same case: it is an expression statement, an
 * assignment or a send, and ANTLR looks for the `;`, `=` or `<-` past the whole thread body, through
 * every `start` nested in it (2 000 deep took 47 s). When the body's `}` is followed by `;`, only the
 * expression statement fits.
 */
final class BlockPrediction extends ParserATNSimulator {
    private static final int STATEMENT = decision(ChanParser.RULE_statement);
    private static final int BLOCK_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_block);
    private static final int EXPRESSION_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_expr, tokenType("';'"));
    private static final int START = tokenType("'start'");
    private static final int SEMICOLON = tokenType("';'");
    private static final int OPEN = tokenType("'{'");
    private static final int CLOSE = tokenType("'}'");
    /** What may follow a map primary in an expression statement: postfix and binary operators, assignments, a send, the `;`. */
    static final Set<Integer> CONTINUES_EXPRESSION = tokenTypes("'('", "'['", "'.'", "'with'", "'*'", "'/'", "'%'", "'+'", "'-'",
                    "'<<'", "'>>'", "'&'", "'^'", "'|'", "'<'", "'<='", "'>'", "'>='", "'=='", "'!='", "'&&'", "'||'",
                    "'='", "'+='", "'-='", "'*='", "'/='", "'%='", "'<-'", "';'");

    /** For each token index of a `{`, that of its matching `}` (-1 if none); null until first needed. */
    private int[] closing;

    private BlockPrediction(ChanParser parser, ParserATNSimulator shared) {
        super(parser, parser.getATN(), shared.decisionToDFA, shared.getSharedContextCache());
    }

    /** A parser of {@code tokens} that predicts blocks this way. */
    static ChanParser parser(BufferedTokenStream tokens) {
        ChanParser parser = new ChanParser(tokens);
        parser.setInterpreter(new BlockPrediction(parser, parser.getInterpreter()));
        return parser;
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        if (decision == STATEMENT && input.LA(1) == OPEN) {
            int close = closingBrace((BufferedTokenStream) input, input.index());
            if (close >= 0 && !CONTINUES_EXPRESSION.contains(input.get(close + 1).getType())) {
                return BLOCK_ALTERNATIVE;
            }
        }
        if (decision == STATEMENT && input.LA(1) == START && input.LA(2) == OPEN) {
            int close = closingBrace((BufferedTokenStream) input, input.index() + 1);
            if (close >= 0 && input.get(close + 1).getType() == SEMICOLON) {
                return EXPRESSION_ALTERNATIVE;
            }
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    private int closingBrace(BufferedTokenStream tokens, int open) {
        if (closing == null) {
            tokens.fill(); // the lexer cannot fail (OTHER takes any character), so lexing ahead reports nothing early
            closing = new int[tokens.size()];
            ArrayDeque<Integer> opened = new ArrayDeque<>();
            for (Token t : tokens.getTokens()) {
                closing[t.getTokenIndex()] = -1;
                if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                    continue;
                }
                if (t.getType() == OPEN) {
                    opened.push(t.getTokenIndex());
                } else if (t.getType() == CLOSE && !opened.isEmpty()) {
                    closing[opened.pop()] = t.getTokenIndex();
                }
            }
        }
        return closing[open];
    }

    private static int decision(int rule) {
        return ((DecisionState) ChanParser._ATN.ruleToStartState[rule].transition(0).target).decision;
    }

    /** The number ANTLR gives the alternative of {@code decision} that starts by calling {@code rule}. */
    private static int alternativeStartingWith(int decision, int rule) {
        return alternativeStartingWith(decision, rule, -1);
    }

    /**
     * The number of the alternative of {@code decision} that starts by calling {@code rule} and then
     * matches the token {@code then} (any token when -1).
     */
    private static int alternativeStartingWith(int decision, int rule, int then) {
        ATN atn = ChanParser._ATN;
        DecisionState d = atn.getDecisionState(decision);
        for (int alt = 1; alt <= d.getNumberOfTransitions(); alt++) {
            ATNState s = d.transition(alt - 1).target;
            while (s.getNumberOfTransitions() == 1 && s.transition(0).isEpsilon() && !(s.transition(0) instanceof RuleTransition)) {
                s = s.transition(0).target;
            }
            if (s.getNumberOfTransitions() == 1 && s.transition(0) instanceof RuleTransition call && call.target.ruleIndex == rule
                            && (then < 0 || matchesNext(call.followState, then))) {
                return alt;
            }
        }
        throw new IllegalStateException("no alternative of decision " + decision + " starts with rule " + rule);
    }

    /** Whether the first token matched from state s, past its epsilon transitions, is {@code token}. */
    private static boolean matchesNext(ATNState s, int token) {
        while (s.getNumberOfTransitions() == 1 && s.transition(0).isEpsilon()) {
            s = s.transition(0).target;
        }
        return s.getNumberOfTransitions() == 1 && s.transition(0) instanceof AtomTransition atom && atom.label == token;
    }

    private static int tokenType(String literal) {
        for (int t = 0; t <= ChanParser.VOCABULARY.getMaxTokenType(); t++) {
            if (literal.equals(ChanParser.VOCABULARY.getLiteralName(t))) {
                return t;
            }
        }
        throw new IllegalStateException("no token " + literal);
    }

    private static Set<Integer> tokenTypes(String... literals) {
        return java.util.Arrays.stream(literals).map(BlockPrediction::tokenType).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
