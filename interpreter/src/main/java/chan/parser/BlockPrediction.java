package chan.parser;

import chan.grammar.ChanParser;
import java.util.Set;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.StarBlockStartState;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.misc.IntervalSet;

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
 *
 * <p>Three more decisions looked through whole nested bodies, quadratic in the nesting:
 * <ul>
 * <li>A statement that starts with an expression (a call, a name) is an expression statement, an
 * assignment or a send, and ANTLR read the whole expression to find its `;`, `=` or `<-`: for
 * {@code f(f(f(...)))} every token of the nested calls. That token is the first such one at the
 * statement's own bracket depth (an expression holds none at its depth: a `;` only in a nested
 * block, a `<-` there only as a receive), found from {@link TokenNesting} at once. When there is
 * none before the enclosing bracket closes, none of the three statements can end: a syntax error,
 * which parsing an expression statement finds (ANTLR looked for it to the end of the file:
 * {@code (((…)))} without its `;`, 10 000 deep, took 14 s).
 * <li>After `start`, a `{` opens the thread's body or a map; ANTLR looked for the `=>` of a map
 * entry, through every `start { ... }` nested first in the body. A `;` directly inside the braces
 * rules out the map.
 * <li>In LL mode (the parse that reports syntax errors), a `(`, `[`, `.` or `with` after a postfix
 * operand made ANTLR predict with the full context, the chain of every enclosing rule, because in a
 * function literal's `=> body` it could also apply to the literal. ANTLR then takes the first
 * alternative, going on with the operand, and does so wherever only one fits, since the operand's
 * operator and the literal's take the same tokens: predicted at once.
 * </ul>
 */
final class BlockPrediction extends ParserATNSimulator {
    private static final int STATEMENT = decision(ChanParser.RULE_statement);
    private static final int BLOCK_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_block);
    private static final int EXPRESSION_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_expr, tokenType("';'"));
    private static final int ASSIGNMENT_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_expr, tokenType("'='"));
    private static final int SEND_ALTERNATIVE = alternativeStartingWith(STATEMENT, ChanParser.RULE_expr, tokenType("'<-'"));
    /** Tokens that start only the statements that start with an expression: no block, no keyword statement. */
    private static final IntervalSet EXPRESSION_ONLY_STARTS = expressionOnlyStarts();
    private static final int START_BODY = decisionWithAlternativeStartingWith(ChanParser.RULE_expr, ChanParser.RULE_block);
    private static final int START_BLOCK_ALTERNATIVE = alternativeStartingWith(START_BODY, ChanParser.RULE_block);
    private static final int POSTFIX_GOES_ON = 1; // a loop's first alternative enters its body (checked in loopOf)
    private static final int POSTFIX_LOOP = loopOf(ChanParser.RULE_postfix);
    private static final Set<Integer> POSTFIX_OPERATORS = tokenTypes("'('", "'['", "'.'", "'with'");
    private static final int START = tokenType("'start'");
    private static final int SEMICOLON = tokenType("';'");
    private static final int OPEN = tokenType("'{'");
    /** What may follow a map primary in an expression statement: postfix and binary operators, assignments, a send, the `;`. */
    static final Set<Integer> CONTINUES_EXPRESSION = tokenTypes("'('", "'['", "'.'", "'with'", "'*'", "'/'", "'%'", "'+'", "'-'",
                    "'<<'", "'>>'", "'&'", "'^'", "'|'", "'<'", "'<='", "'>'", "'>='", "'=='", "'!='", "'&&'", "'||'",
                    "'='", "'+='", "'-='", "'*='", "'/='", "'%='", "'<-'", "';'");

    /** The file's brackets; null until first needed. */
    private TokenNesting nesting;

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
        if (decision == STATEMENT && EXPRESSION_ONLY_STARTS.contains(input.LA(1))) {
            int separator = nesting((BufferedTokenStream) input).separatorAfter(input.index());
            if (separator < 0) {
                return EXPRESSION_ALTERNATIVE; // no statement of the three is complete: the parse reports where it fails
            }
            int type = input.get(separator).getType();
            return type == SEMICOLON ? EXPRESSION_ALTERNATIVE : TokenNesting.ASSIGNMENTS.contains(type) ? ASSIGNMENT_ALTERNATIVE : SEND_ALTERNATIVE;
        }
        if (decision == START_BODY && input.LA(1) == OPEN && nesting((BufferedTokenStream) input).holdsSemicolon(input.index())) {
            return START_BLOCK_ALTERNATIVE;
        }
        if (decision == POSTFIX_LOOP && POSTFIX_OPERATORS.contains(input.LA(1))) {
            return POSTFIX_GOES_ON;
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    private int closingBrace(BufferedTokenStream tokens, int open) {
        return nesting(tokens).closing(open);
    }

    private TokenNesting nesting(BufferedTokenStream tokens) {
        if (nesting == null) {
            tokens.fill(); // the lexer cannot fail (OTHER takes any character), so lexing ahead reports nothing early
            nesting = new TokenNesting(tokens.getTokens());
        }
        return nesting;
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
        int alt = alternativeCalling(ChanParser._ATN.getDecisionState(decision), rule, then);
        if (alt < 0) {
            throw new IllegalStateException("no alternative of decision " + decision + " starts with rule " + rule);
        }
        return alt;
    }

    /** The same, or -1 when there is none. */
    private static int alternativeCalling(DecisionState d, int rule, int then) {
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
        return -1;
    }

    /** Whether the first token matched from state s, past its epsilon transitions, may be {@code token}. */
    private static boolean matchesNext(ATNState s, int token) {
        while (s.getNumberOfTransitions() == 1 && s.transition(0).isEpsilon()) {
            s = s.transition(0).target;
        }
        return s.getNumberOfTransitions() == 1 && s.transition(0).label() != null && s.transition(0).label().contains(token);
    }

    /** The first decision of {@code rule} one of whose alternatives starts by calling {@code callee}. */
    private static int decisionWithAlternativeStartingWith(int rule, int callee) {
        for (DecisionState d : ChanParser._ATN.decisionToState) {
            if (d.ruleIndex == rule && alternativeCalling(d, callee, -1) > 0) {
                return d.decision;
            }
        }
        throw new IllegalStateException("no decision of rule " + rule + " starts by calling rule " + callee);
    }

    /** The decision of the loop of a left-recursive rule, whose first alternative enters the loop's body. */
    private static int loopOf(int rule) {
        for (DecisionState d : ChanParser._ATN.decisionToState) {
            if (d.ruleIndex == rule && d instanceof StarLoopEntryState loop && loop.isPrecedenceDecision
                            && loop.transition(POSTFIX_GOES_ON - 1).target instanceof StarBlockStartState) {
                return d.decision;
            }
        }
        throw new IllegalStateException("no loop in rule " + rule);
    }

    /** The tokens that can start a statement's expression alternative and no other but the assignment and the send. */
    private static IntervalSet expressionOnlyStarts() {
        ATN atn = ChanParser._ATN;
        DecisionState d = atn.getDecisionState(STATEMENT);
        IntervalSet starts = new IntervalSet(atn.nextTokens(d.transition(EXPRESSION_ALTERNATIVE - 1).target));
        for (int alt = 1; alt <= d.getNumberOfTransitions(); alt++) {
            if (alt != EXPRESSION_ALTERNATIVE && alt != ASSIGNMENT_ALTERNATIVE && alt != SEND_ALTERNATIVE) {
                starts = starts.subtract(atn.nextTokens(d.transition(alt - 1).target));
            }
        }
        return starts;
    }

    static int tokenType(String literal) {
        for (int t = 0; t <= ChanParser.VOCABULARY.getMaxTokenType(); t++) {
            if (literal.equals(ChanParser.VOCABULARY.getLiteralName(t))) {
                return t;
            }
        }
        throw new IllegalStateException("no token " + literal);
    }

    static Set<Integer> tokenTypes(String... literals) {
        return java.util.Arrays.stream(literals).map(BlockPrediction::tokenType).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
