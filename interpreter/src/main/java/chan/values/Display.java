package chan.values;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Display forms: {@link #print} is what {@code print} and {@code str} write (a string raw at top
 * level), {@link #repr} is the form inside collections (strings quoted and escaped). Example:
 * {@code [1, "a", :b, (2, 3.0), {"k" => nil}]}.
 *
 * <p>Forms: ints in decimal; floats by {@link FloatFormat}; {@code true}, {@code nil}, {@code :ok};
 * tuples {@code (1, :a)}, {@code (x,)}, {@code ()}; lists {@code [1, 2]}; maps {@code {"a" => 1}};
 * structs {@code Point{x: 1, y: 2}}; arrays {@code array[0, 0]}; dicts {@code dict{"a" => 1}};
 * values of other packages by the form registered with {@link #register}, else their
 * {@code toString}. An array or dict that contains itself shows
 * the inner occurrence as {@code array[...]} or {@code dict{...}} (Python prints {@code [...]}).
 */
public final class Display {
    private static final Map<Class<?>, Function<Object, String>> FORMS = new ConcurrentHashMap<>();

    private Display() {
    }

    /**
     * Declares the display form of a class from another package, for when its {@code toString} serves
     * another purpose: {@code register(Strand.class, t -> "<thread " + ((Strand) t).id() + ">")}.
     */
    public static void register(Class<?> cls, Function<Object, String> form) {
        FORMS.put(cls, form);
    }

    /** The {@code print} form: strings as they are, everything else as {@link #repr}. */
    @TruffleBoundary
    public static String print(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** The form inside collections: strings quoted. */
    @TruffleBoundary
    public static String repr(Object v) {
        return repr(v, StringLimit.MAX_LENGTH);
    }

    /** {@link #repr} with a string limit of {@code limit} characters: tests reach it with short values. */
    static String repr(Object v, int limit) {
        BoundedText sb = new BoundedText(16, limit);
        append(sb, v, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sb.toString();
    }

    /** {@code s} as a string literal: {@code "a\n\"b\""}; see {@link #isPrintable}. */
    @TruffleBoundary
    public static String quote(String s) {
        BoundedText sb = new BoundedText(Math.min(s.length(), StringLimit.MAX_LENGTH - 2) + 2, StringLimit.MAX_LENGTH);
        appendQuoted(sb, s);
        return sb.toString();
    }

    /**
     * {@code s} on one line: the characters {@link #isPrintable} refuses written as in a string
     * literal ({@code \n}, {@code \t}, {@code \r}, {@code &#92;u{1B}}), quotes and backslashes left as they
     * are, since a message may hold values already quoted ({@code no key "a\n"}).
     */
    @TruffleBoundary
    public static String oneLine(String s) {
        if (s.codePoints().allMatch(Display::isPrintable)) {
            return s; // the common case, unchanged
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            String escape = escape(cp, false);
            if (escape == null) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(escape);
            }
        });
        return sb.toString();
    }

    /**
     * How a string literal writes code point {@code cp}: its escape, or null where it stands for
     * itself. {@code quotes}: inside quotes, where {@code "} and {@code \} are escaped too.
     */
    private static String escape(int cp, boolean quotes) {
        return switch (cp) {
            case '"' -> quotes ? "\\\"" : null;
            case '\\' -> quotes ? "\\\\" : null;
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> isPrintable(cp) ? null : "\\u{" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "}";
        };
    }

    /** {@code open}: the arrays and dicts being displayed around this point, to cut cycles. */
    private static void append(BoundedText sb, Object v, Set<Object> open) {
        if (v instanceof String s) {
            appendQuoted(sb, s);
        } else if (v instanceof Double d) {
            sb.append(FloatFormat.format(d));
        } else if (v instanceof ChanTuple t) {
            sb.append('(');
            appendAll(sb, t.toArray(), open);
            sb.append(t.size() == 1 ? ",)" : ")");
        } else if (v instanceof ChanList l) {
            sb.append('[');
            appendAll(sb, l, open);
            sb.append(']');
        } else if (v instanceof ChanMap m) {
            appendEntries(sb.append('{'), m, open).append('}');
        } else if (v instanceof ChanStruct s) {
            appendStruct(sb, s, open);
        } else if (v instanceof ChanArray a) {
            if (open.add(a)) {
                appendAll(sb.append("array["), a.toArray(), open);
                open.remove(a);
                sb.append(']');
            } else {
                sb.append("array[...]");
            }
        } else if (v instanceof ChanDict d) {
            if (open.add(d)) {
                appendEntries(sb.append("dict{"), d.entries(), open).append('}');
                open.remove(d);
            } else {
                sb.append("dict{...}");
            }
        } else {
            Function<Object, String> form = v == null ? null : FORMS.get(v.getClass());
            // Long, BigInteger, Boolean, nil, atoms, and other packages' values.
            sb.append(form != null ? form.apply(v) : String.valueOf(v));
        }
    }

    private static void appendAll(BoundedText sb, Object[] items, Set<Object> open) {
        appendAll(sb, Arrays.asList(items), open);
    }

    private static void appendAll(BoundedText sb, Iterable<Object> items, Set<Object> open) {
        String sep = "";
        for (Object item : items) {
            sb.append(sep);
            append(sb, item, open);
            sep = ", ";
        }
    }

    private static BoundedText appendEntries(BoundedText sb, Iterable<Map.Entry<Object, Object>> entries,
                    Set<Object> open) {
        String sep = "";
        for (Map.Entry<Object, Object> e : entries) {
            sb.append(sep);
            append(sb, e.getKey(), open);
            sb.append(" => ");
            append(sb, e.getValue(), open);
            sep = ", ";
        }
        return sb;
    }

    private static void appendStruct(BoundedText sb, ChanStruct s, Set<Object> open) {
        ChanStructType type = s.type();
        sb.append(type.name()).append('{');
        for (int i = 0; i < type.fieldCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(type.fieldName(i)).append(": ");
            append(sb, s.get(i), open);
        }
        sb.append('}');
    }

    /** Whether every character is printable ASCII that needs no escape: {@link #appendQuoted} copies such a string as it is. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void appendQuoted(BoundedText sb, String s) {
        sb.ensureRoomFor(s.length() + 2L); // quoting never shortens: too long at once
        sb.append('"');
        if (isPlainAscii(s)) { // the common case, copied whole rather than code point by code point
            sb.append(s).append('"');
            return;
        }
        s.codePoints().forEach(cp -> {
            String escape = escape(cp, true);
            if (escape == null) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(escape);
            }
        });
        sb.append('"');
    }

    /**
     * Python's rule for {@code str.isprintable}: everything except controls, format characters
     * (e.g. U+200D), surrogates, private use, unassigned, and separators other than the space. Those
     * are written {@code &#92;u{200D}} unless they have a short escape ({@code \n \t \r}), so the
     * output always reads back as a string literal.
     */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
