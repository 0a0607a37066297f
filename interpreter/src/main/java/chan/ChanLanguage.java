package chan;

import chan.nodes.ProgramRootNode;
import chan.parser.ModuleLoader;
import chan.values.StructClasses;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.options.OptionDescriptors;

/**
 * Chan: a language of lightweight threads and channels (LANGUAGE.md), run on a simulated multicore.
 *
 * <p>A tour of the implementation: {@link chan.parser.ModuleLoader} parses a file with the ANTLR
 * grammar and {@link chan.parser.ModuleCompiler} turns each function into a Bytecode DSL root
 * ({@link chan.nodes.ChanBytecodeRootNode}, which lists every operation). Runtime values live in
 * {@code chan.values}, built-in functions in {@code chan.builtins}. A program runs as the root
 * {@link ProgramRootNode}: a discrete-event loop over the simulated machine of the {@code runtime}
 * module that resumes each thread's continuation in turn.
 */
// The debugger asks for AlwaysHalt when it steps; Chan has no `debugger;` statement, so none is emitted.
@ProvidedTags({StandardTags.RootTag.class, StandardTags.RootBodyTag.class, StandardTags.StatementTag.class, StandardTags.CallTag.class,
        StandardTags.ExpressionTag.class, com.oracle.truffle.api.debug.DebuggerTags.AlwaysHalt.class})
@TruffleLanguage.Registration(id = ChanLanguage.ID, name = "Chan", defaultMimeType = ChanLanguage.MIME_TYPE,
        characterMimeTypes = ChanLanguage.MIME_TYPE, contextPolicy = TruffleLanguage.ContextPolicy.SHARED,
        fileTypeDetectors = ChanFileDetector.class, website = "https://chan.dev", version = ChanLanguage.VERSION)
public final class ChanLanguage extends TruffleLanguage<ChanContext> {
    public static final String ID = "chan";
    public static final String MIME_TYPE = "application/x-chan";
    /** The interpreter's version (the Maven project's, without -SNAPSHOT); the language is the contract's v1. */
    public static final String VERSION = "0.1.0";

    private static final LanguageReference<ChanLanguage> REFERENCE = LanguageReference.create(ChanLanguage.class);

    private chan.builtins.BuiltinTable builtins;
    /** How many struct types this instance has declared: the first StructClasses.COUNT get a class of their own. */
    private final AtomicInteger structTypesDeclared = new AtomicInteger();

    /** The built-in functions, made on first use (their roots belong to this language instance). */
    public chan.builtins.BuiltinTable builtins() {
        if (builtins == null) {
            builtins = new chan.builtins.BuiltinTable(this);
        }
        return builtins;
    }

    /**
     * The StructClasses class a newly declared struct type may have as its own, or -1 when all are
     * taken. Counted per language instance: its code meets only its own contexts' values.
     */
    public int nextStructClass() {
        int n = structTypesDeclared.getAndIncrement();
        return n < StructClasses.COUNT ? n : -1;
    }

    @Override
    protected ChanContext createContext(Env env) {
        return new ChanContext(this, env);
    }

    @Override
    protected void disposeContext(ChanContext context) {
        context.dispose();
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new ChanOptionsOptionDescriptors();
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        ChanContext context = ChanContext.get(null);
        var main = new ModuleLoader(this, context).loadMain(request.getSource());
        return new ProgramRootNode(this, main).getCallTarget();
    }

    /** How a tool shows a value that does not say itself (a channel, a thread, an int): its display form. */
    @Override
    protected Object getLanguageView(ChanContext context, Object value) {
        return new chan.values.ValueView(value);
    }

    public static ChanLanguage get(Node node) {
        return REFERENCE.get(node);
    }
}
