package chan.launcher;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.InternalResource;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.dsl.GeneratedBy;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.GenerateLibrary;
import com.oracle.truffle.api.nodes.DenyReplace;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.runtime.TruffleCallBoundary;
import java.lang.annotation.Annotation;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The Truffle engine reads annotations while it starts (its language and instrument registrations,
 * library exports, node fields), and the JDK makes each annotation type's first instance a dynamic
 * proxy whose class it generates then, with the class-file API, in cold code: ~30 ms of `./chan
 * hello` that the class cache cannot hold. Making those proxy classes on the launcher's helper thread
 * while the engine starts takes them off the main thread: the JDK keeps one proxy class per
 * annotation type and class loader, the same one the annotation parser asks for later.
 */
final class AnnotationProxies {
    /** The annotation types a `./chan hello` reads, in the order the engine meets them. */
    private static final List<Class<? extends Annotation>> TYPES = List.of(
                    Retention.class, Target.class, TruffleCallBoundary.class, GenerateLibrary.class, InternalResource.Id.class,
                    CompilerDirectives.TruffleBoundary.class, ExplodeLoop.class, Repeatable.class, ExportLibrary.class,
                    GeneratedBy.class, TruffleLanguage.Registration.class, ProvidedTags.class, TruffleInstrument.Registration.class,
                    CompilerDirectives.CompilationFinal.class, DenyReplace.class, Node.Child.class, Inherited.class, NodeInfo.class);

    private AnnotationProxies() {}

    static void make() {
        InvocationHandler unused = (proxy, method, args) -> null;
        for (Class<? extends Annotation> type : TYPES) {
            Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, unused);
        }
    }
}
