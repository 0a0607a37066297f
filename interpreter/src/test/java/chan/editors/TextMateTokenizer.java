package chan.editors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small TextMate tokenizer on java.util.regex, enough for the Chan grammar: `match` rules with
 * `name` and `captures`, `begin`/`end` rules with `name`, `contentName`, `beginCaptures`,
 * `endCaptures` and nested `patterns`, and `include` of `#repository` entries and `$self`.
 *
 * <p>It works as TextMate and VS Code do: a file is read line by line, each line with its "\n"; at
 * each position the rule whose match starts first wins, the end pattern of the open rule winning a
 * tie, then the first rule listed; a begin rule stays open across lines until its end matches. The
 * result is, for each character, its list of scopes (outermost first). Regexes see the whole line
 * (transparent bounds), so `\b` and lookbehind work at the search position as in Oniguruma, and
 * `\A` matches only at the start of the first line, as in VS Code (a `#!` line, Shebang).
 */
final class TextMateTokenizer {
    /** A rule of the grammar, with its includes resolved lazily (the repository may refer to itself). */
    private final class Rule {
        final Map<String, Object> json;
        Pattern match;
        Pattern begin;
        Pattern end;
        List<Rule> children;

        Rule(Map<String, Object> json) {
            this.json = json;
            match = compile("match");
            begin = compile("begin");
            end = compile("end");
        }

        private Pattern compile(String key) {
            return json.get(key) instanceof String regex ? Pattern.compile(regex) : null;
        }

        String name() {
            return (String) json.get("name");
        }

        /** The match/begin rules to try inside this rule (or at top level for the grammar itself). */
        List<Rule> children() {
            if (children == null) {
                children = new ArrayList<>();
                for (Object o : list(json.get("patterns"))) {
                    children.addAll(expand(rule(map(o))));
                }
            }
            return children;
        }
    }

    /** An open begin/end rule and the scopes in force inside it. */
    private record Frame(Rule rule, List<String> scopes) {}

    private final Map<String, Object> repository;
    private final Rule self;
    private final Map<Map<String, Object>, Rule> rules = new IdentityHashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    /** The patterns as they read on the lines after the first (without a start of the file). */
    private final Map<Pattern, Pattern> laterLines = new IdentityHashMap<>();
    private boolean firstLine = true;

    TextMateTokenizer(Map<String, Object> grammar) {
        this.repository = grammar.get("repository") == null ? Map.of() : map(grammar.get("repository"));
        this.self = rule(grammar);
        stack.push(new Frame(self, List.of((String) grammar.get("scopeName"))));
    }

    /** The rules still open (begin without end) after the last line: the root only, if none. */
    int openRules() {
        return stack.size() - 1;
    }

    /** The scopes of each character of line (its "\n" excluded). */
    List<List<String>> tokenizeLine(String line) {
        String text = line + "\n";
        List<List<String>> scopes = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            Frame top = stack.peek();
            Matcher best = null;
            Rule bestRule = null;
            if (top.rule().end != null) {
                best = find(onThisLine(top.rule().end), text, pos);
            }
            for (Rule r : top.rule().children()) {
                Matcher m = find(onThisLine(r.match != null ? r.match : r.begin), text, pos);
                if (m != null && (best == null || m.start() < best.start())) {
                    best = m;
                    bestRule = r;
                }
            }
            if (best == null) {
                fill(scopes, pos, text.length(), top.scopes());
                break;
            }
            fill(scopes, pos, best.start(), top.scopes());
            int next = best.end();
            if (bestRule == null) {                        // the open rule ends
                stack.pop();
                paint(scopes, best, with(top.scopes(), null), top.rule().json.get("endCaptures"));
            } else if (bestRule.match != null) {
                paint(scopes, best, with(top.scopes(), bestRule.name()), bestRule.json.get("captures"));
            } else {                                       // a rule begins
                List<String> outer = with(top.scopes(), bestRule.name());
                paint(scopes, best, outer, bestRule.json.get("beginCaptures"));
                stack.push(new Frame(bestRule, with(outer, (String) bestRule.json.get("contentName"))));
            }
            if (next == best.start()) {                    // an empty match: step on, as TextMate does
                if (next < text.length()) {
                    fill(scopes, next, next + 1, stack.peek().scopes());
                }
                next++;
            }
            pos = next;
        }
        firstLine = false;
        return scopes.subList(0, line.length());
    }

    /**
     * p, or after the first line p with each {@code \A} made a character no line holds (U+FFFF), as
     * VS Code's tokenizer does: there the start of the text is the start of the file, not of each line.
     */
    private Pattern onThisLine(Pattern p) {
        return firstLine ? p : laterLines.computeIfAbsent(p, q -> Pattern.compile(withoutStartOfFile(q.pattern())));
    }

    private static String withoutStartOfFile(String regex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                out.append(next == 'A' ? "\uFFFF" : "\\" + next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Matcher find(Pattern p, String text, int from) {
        Matcher m = p.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(from, text.length());
        return m.find() ? m : null;
    }

    /** Gives the match's characters the given scopes, then each named capture group its own scope on top. */
    private static void paint(List<List<String>> scopes, Matcher m, List<String> base, Object captures) {
        fill(scopes, m.start(), m.end(), base);
        if (captures == null) {
            return;
        }
        for (var e : map(captures).entrySet()) {
            int group = Integer.parseInt(e.getKey());
            if (group <= m.groupCount() && m.start(group) >= 0) {
                String name = (String) map(e.getValue()).get("name");
                for (int i = m.start(group); i < m.end(group); i++) {
                    scopes.set(i, with(scopes.get(i), name));
                }
            }
        }
    }

    private static void fill(List<List<String>> scopes, int from, int to, List<String> value) {
        while (scopes.size() < to) {
            scopes.add(null);
        }
        for (int i = from; i < to; i++) {
            scopes.set(i, value);
        }
    }

    private static List<String> with(List<String> scopes, String name) {
        if (name == null) {
            return scopes;
        }
        List<String> more = new ArrayList<>(scopes);
        more.add(name);
        return List.copyOf(more);
    }

    private Rule rule(Map<String, Object> json) {
        return rules.computeIfAbsent(json, Rule::new);
    }

    /** A rule as the list of match/begin rules it stands for: includes and pattern groups are flattened. */
    private List<Rule> expand(Rule r) {
        if (r.match != null || r.begin != null) {
            return List.of(r);
        }
        Object include = r.json.get("include");
        if ("$self".equals(include)) {
            return self.children();
        }
        if (include instanceof String ref && ref.startsWith("#")) {
            Object target = repository.get(ref.substring(1));
            if (target == null) {
                throw new IllegalArgumentException("include of an unknown repository entry " + ref);
            }
            return expand(rule(map(target)));
        }
        if (include != null) {
            throw new IllegalArgumentException("unsupported include " + include);
        }
        return r.children();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
