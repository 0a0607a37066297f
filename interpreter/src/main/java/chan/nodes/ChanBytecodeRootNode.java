package chan.nodes;

import chan.ChanContext;
import chan.ChanException;
import chan.ChanLanguage;
import chan.runtime.DeferredFailure;
import chan.runtime.Scheduler;
import chan.values.Arith;
import chan.values.ChanError;
import chan.values.ChanFunction;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.bytecode.BytecodeNode;
import com.oracle.truffle.api.bytecode.BytecodeRootNode;
import com.oracle.truffle.api.bytecode.ConstantOperand;
import com.oracle.truffle.api.bytecode.ContinuationResult;
import com.oracle.truffle.api.bytecode.ContinuationRootNode;
import com.oracle.truffle.api.bytecode.GenerateBytecode;
import com.oracle.truffle.api.bytecode.LocalAccessor;
import com.oracle.truffle.api.bytecode.Operation;
import com.oracle.truffle.api.bytecode.OperationProxy;
import com.oracle.truffle.api.bytecode.ShortCircuitOperation;
import com.oracle.truffle.api.bytecode.ShortCircuitOperation.Operator;
import com.oracle.truffle.api.bytecode.Variadic;
import com.oracle.truffle.api.dsl.Bind;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.nodes.SlowPathException;
import com.oracle.truffle.api.nodes.UnexpectedResultException;

/**
 * Every Chan function, closure, `start` block and module body is one root of this bytecode
 * interpreter. This file lists the whole instruction set; arithmetic, comparison, collection and
 * channel operations are proxied from their own node classes in {@code chan.nodes.ops}.
 *
 * <p>Threads are continuations. An operation that cannot complete at once (a receive with no
 * sender, a call whose callee blocked, a preempted loop) returns a <em>suspension</em>: either
 * {@link Scheduler#BLOCK} or the callee's {@link ContinuationResult}. The builder wraps every such
 * site in the same loop ({@code ModuleCompiler.emitSuspendable}):
 * <pre>
 *   UnlessSuspended(op(...),                                  // op's value, unless a suspension
 *       { while (Carry(ResumeCallee(Yield(Carried()), Callee()))) {} Carried() })
 * </pre>
 * so the suspension travels up the call chain to the scheduler, and on resume each level resumes
 * its callee first. The loop keeps no local: the suspension crosses from one operation to the next
 * in {@link ChanContext#carried}, and on resume a frame finds its callee's suspension in the chain
 * of continuations itself ({@link Callee}). A blocked thread's frame thus holds no slot for it.
 */
@GenerateBytecode(languageClass = ChanLanguage.class, //
        enableYield = true, // threads are continuations
        // The uncached interpreter re-opens a deopt loop on roots that yield in Truffle 25.0.x
        // (DESIGN.md), so it stays off. Boxing elimination keeps ints, floats and bools unboxed in
        // frame slots (Mandelbrot, NBody); with ContinuationLocations.refresh in place a channel
        // ping-pong compiles once and never deoptimizes (TraceCompilation), so it is on.
        enableUncachedInterpreter = false, //
        boxingEliminationTypes = {long.class, double.class, boolean.class}, //
        // No bytecode index stored in the frame before each operation: a thread's frame is a real
        // (materialized) object, so every such store was a memory write (two, with the slot's tag)
        // even in compiled code. Error positions stay exact: the interpreter loop hands its own bci
        // to interceptTruffleException (ChanException.addFrame); callers' frames are found from
        // their Call node (debugger, --cpusampler). Set to true in Truffle 25.0.1 only cost time.
        storeBytecodeIndexInFrame = false, //
        enableTagInstrumentation = true)
@ShortCircuitOperation(name = "And", booleanConverter = ChanBytecodeRootNode.Truthy.class, operator = Operator.AND_RETURN_CONVERTED)
@ShortCircuitOperation(name = "Or", booleanConverter = ChanBytecodeRootNode.Truthy.class, operator = Operator.OR_RETURN_CONVERTED)
@ShortCircuitOperation(name = "UnlessSuspended", booleanConverter = ChanBytecodeRootNode.IsSettled.class, operator = Operator.OR_RETURN_VALUE)
@ShortCircuitOperation(name = "UnlessBlocked", booleanConverter = ChanBytecodeRootNode.IsUnblocked.class, operator = Operator.OR_RETURN_VALUE)
@OperationProxy(chan.nodes.ops.AddNode.class)
@OperationProxy(chan.nodes.ops.SubNode.class)
@OperationProxy(chan.nodes.ops.MulNode.class)
@OperationProxy(chan.nodes.ops.DivNode.class)
@OperationProxy(chan.nodes.ops.ModNode.class)
@OperationProxy(chan.nodes.ops.NegNode.class)
@OperationProxy(chan.nodes.ops.BitNotNode.class)
@OperationProxy(chan.nodes.ops.BitAndNode.class)
@OperationProxy(chan.nodes.ops.BitOrNode.class)
@OperationProxy(chan.nodes.ops.BitXorNode.class)
@OperationProxy(chan.nodes.ops.ShlNode.class)
@OperationProxy(chan.nodes.ops.ShrNode.class)
@OperationProxy(chan.nodes.ops.EqualNode.class)
@OperationProxy(chan.nodes.ops.NotEqualNode.class)
@OperationProxy(chan.nodes.ops.LessNode.class)
@OperationProxy(chan.nodes.ops.LessEqualNode.class)
@OperationProxy(chan.nodes.ops.GreaterNode.class)
@OperationProxy(chan.nodes.ops.GreaterEqualNode.class)
@OperationProxy(chan.nodes.ops.IndexNode.class)
@OperationProxy(chan.nodes.ops.SetIndexNode.class)
@OperationProxy(chan.nodes.ops.GetFieldNode.class)
@OperationProxy(chan.nodes.ops.MakeTupleNode.class)
@OperationProxy(chan.nodes.ops.MakeListNode.class)
@OperationProxy(chan.nodes.ops.MakeMapNode.class)
@OperationProxy(chan.nodes.ops.MakeStructNode.class)
@OperationProxy(chan.nodes.ops.StructWithNode.class)
@OperationProxy(chan.nodes.ops.IsTupleOfNode.class)
@OperationProxy(chan.nodes.ops.IsListOfNode.class)
@OperationProxy(chan.nodes.ops.IsStructOfNode.class)
@OperationProxy(chan.nodes.ops.ListTailNode.class)
@OperationProxy(chan.nodes.ops.MatchFailedNode.class)
@OperationProxy(chan.nodes.ops.MakeIterNode.class)
@OperationProxy(chan.nodes.ops.RangeIterNode.class)
@OperationProxy(chan.nodes.ops.RangeFirstNode.class)
@OperationProxy(chan.nodes.ops.IterHasNextNode.class)
@OperationProxy(chan.nodes.ops.IterNextNode.class)
@OperationProxy(chan.nodes.ops.IterAfterNode.class)
@OperationProxy(chan.nodes.ops.IsIterDoneNode.class)
@OperationProxy(chan.nodes.ops.SendNode.class)
@OperationProxy(chan.nodes.ops.CheckSentNode.class)
@OperationProxy(chan.nodes.ops.ReceiveNode.class)
@OperationProxy(chan.nodes.ops.WithStatusNode.class)
@OperationProxy(chan.nodes.ops.RecvStatusNode.class)
@OperationProxy(chan.nodes.ops.SpawnNode.class)
@OperationProxy(chan.nodes.ops.PollNode.class)
@OperationProxy(chan.nodes.ops.ChargeNode.class)
@OperationProxy(chan.nodes.ops.LoopBudgetNode.class)
@OperationProxy(chan.nodes.ops.SettleLoopBudgetNode.class)
@OperationProxy(chan.nodes.ops.RethrowNode.class)
@OperationProxy(chan.nodes.ops.TakeArgumentNode.class)
@OperationProxy(chan.nodes.ops.CheckTypeNode.class)
@OperationProxy(chan.nodes.ops.ChooseCasesNode.class)
@OperationProxy(chan.nodes.ops.ChooseSelectNode.class)
@OperationProxy(chan.nodes.ops.ChooseDecideNode.class)
@OperationProxy(chan.nodes.ops.IsChosenNode.class)
@OperationProxy(chan.nodes.ops.ChosenNode.class)
@OperationProxy(chan.nodes.ops.AfterChannelNode.class)
@OperationProxy(chan.nodes.ops.ChooseChannelNode.class)
@OperationProxy(chan.nodes.ops.ChooseChannelListNode.class)
public abstract class ChanBytecodeRootNode extends RootNode implements BytecodeRootNode {
    /** The name shown in stack traces: the function's name, `<fn>` for a closure, `<main>`. */
    private String name = "<fn>";
    private int arity;
    /** The standard module this function belongs to (`pipeline`), or null for a program's own code (SpawnSite). */
    private String library;
    /** Whether this root is a loop compiled apart from its function (OutlinedLoop), which stack traces do not show apart. */
    private boolean outlinedLoop;
    /** Whether this function reads its `--max-depth` level at its entry: 0 not yet known, {@link #DEPTH_UNREAD} or {@link #DEPTH_READ}. */
    private byte readsDepth;
    private static final byte DEPTH_UNREAD = 1;
    private static final byte DEPTH_READ = 2;

    protected ChanBytecodeRootNode(ChanLanguage language, FrameDescriptor frameDescriptor) {
        super(language, frameDescriptor);
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Marks this root as a function of the standard module {@code module}. */
    public void setLibrary(String module) {
        this.library = module;
    }

    /** The standard module this function belongs to, or null. */
    public String library() {
        return library;
    }

    /** Its name as the program calls it: `map.fetch` for a standard module's function, else its own name. */
    public String qualifiedName() {
        return library == null ? getName() : library + "." + getName();
    }

    /** Marks this root as a loop compiled apart from its function (OutlinedLoop). */
    public void markOutlinedLoop() {
        this.outlinedLoop = true;
    }

    /**
     * Every Chan error leaving this function records where (see {@link ChanException#addFrame}).
     *
     * <p>An error met at a loop's back-edge in the interpreter came out of the loop's OSR code: once
     * a loop is compiled on the stack, that code runs the rest of the function, and an error it does
     * not catch has already been through this function's handlers and recorded its frame there. The
     * interpreter would take it again as thrown at the back-edge, run the handlers around the loop
     * (a `catch` that does not enclose the throw, a counted loop's settlement on locals that frame no
     * longer holds) and record the frame twice; so it is thrown on from here, past them all.
     */
    @Override
    public AbstractTruffleException interceptTruffleException(AbstractTruffleException ex, VirtualFrame frame, BytecodeNode bytecodeNode, int bytecodeIndex) {
        if (CompilerDirectives.inInterpreter() && isBackEdge(bytecodeNode, bytecodeIndex)) {
            throw ex;
        }
        if (ex instanceof ChanException e) {
            e.addFrame(name, bytecodeNode, bytecodeIndex);
            if (outlinedLoop) { // the loop's position stands for its function's: the function's call of the loop adds none
                e.skipCallerFrame();
            }
        }
        return ex;
    }

    /** Whether the instruction at bci is a loop's back-edge, the one place the interpreter enters OSR code. */
    @TruffleBoundary
    private static boolean isBackEdge(BytecodeNode bytecodeNode, int bci) {
        return "branch.backward".equals(bytecodeNode.getInstruction(bci).getName());
    }

    @Override
    public String getName() {
        return name;
    }

    public void setArity(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Whether a counted loop's budget (LoopBudgetNode), held in a frame local, has cycles left: the
     * loop's own exit test, placed first in the loop so that the compiler sees a counted loop with a
     * trip count within a quantum, and drops the safepoint checks at its back-edge. It reads the
     * local itself: one instruction where a load and the test were two. (This operation,
     * SpendLoopBudget and AddToLocal live here rather than in ops/ beside LoopBudgetNode: a
     * LocalAccessor needs the bytecode node, which only an operation of the root can bind.)
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class, name = "left")
    public static final class HasLoopBudget {
        @Specialization
        static boolean doHas(VirtualFrame frame, LocalAccessor left, @Bind BytecodeNode bytecode) {
            return budgetLeft(frame, left, bytecode) > 0;
        }
    }

    /**
     * A counted loop's back-edge: its charge taken from the budget (LoopBudgetNode) in a frame local
     * rather than added to the core's clock. No overflow: the budget is positive here and at most a
     * quantum. It reads and writes the local itself: one instruction where a load, the spend and a
     * store were three, at every iteration of an interpreted loop.
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class, name = "left")
    @ConstantOperand(type = int.class, name = "cycles")
    public static final class SpendLoopBudget {
        @Specialization
        static void doSpend(VirtualFrame frame, LocalAccessor left, int cycles, @Bind BytecodeNode bytecode) {
            left.setLong(bytecode, frame, budgetLeft(frame, left, bytecode) - cycles);
        }
    }

    /**
     * `x += k` and `x -= k` of a local x and an int literal k, in one instruction where a load, the
     * constant, the operation and the store were four. The results and errors are those of
     * `x = x + k` (AddNode, SubNode): ints exact, and past 64 bits in arbitrary precision; a float
     * stays a float; anything else goes the generic way (`s += 1` of a string is its error).
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class, name = "local")
    @ConstantOperand(type = long.class, name = "amount")
    @ConstantOperand(type = boolean.class, name = "subtract")
    public static final class AddToLocal {
        @Specialization(rewriteOn = {ArithmeticException.class, SlowPathException.class})
        static void doLong(VirtualFrame frame, LocalAccessor local, long amount, boolean subtract, @Bind BytecodeNode bytecode)
                        throws SlowPathException {
            long x;
            try {
                x = local.getLong(bytecode, frame);
            } catch (UnexpectedResultException notAnInt) {
                throw new SlowPathException(); // once per site: the next specialization takes over
            }
            local.setLong(bytecode, frame, subtract ? Math.subtractExact(x, amount) : Math.addExact(x, amount));
        }

        @Specialization(rewriteOn = SlowPathException.class)
        static void doDouble(VirtualFrame frame, LocalAccessor local, long amount, boolean subtract, @Bind BytecodeNode bytecode)
                        throws SlowPathException {
            double x;
            try {
                x = local.getDouble(bytecode, frame);
            } catch (UnexpectedResultException notAFloat) {
                throw new SlowPathException();
            }
            local.setDouble(bytecode, frame, subtract ? x - amount : x + amount);
        }

        /** Any value: an int or a float as above (an int that overflows in arbitrary precision), the rest generic. */
        @Specialization(replaces = {"doLong", "doDouble"})
        static void doAny(VirtualFrame frame, LocalAccessor local, long amount, boolean subtract, @Bind BytecodeNode bytecode,
                        @Bind Node node) {
            Object x = local.getObject(bytecode, frame);
            if (x instanceof Long n) {
                local.setObject(bytecode, frame, subtract ? Arith.subInts(n, amount) : Arith.addInts(n, amount));
            } else if (x instanceof Double d) {
                local.setDouble(bytecode, frame, subtract ? d - amount : d + amount);
            } else {
                local.setObject(bytecode, frame, addGeneric(x, amount, subtract, node));
            }
        }
    }

    /** AddToLocal's other values: AddNode's and SubNode's generic path. */
    @TruffleBoundary
    private static Object addGeneric(Object x, long amount, boolean subtract, Node node) {
        try {
            return subtract ? Arith.sub(x, amount) : Arith.add(x, amount);
        } catch (ChanError e) {
            throw ChanException.of(e, node);
        }
    }

    /**
     * `for (x in range(a, b, step))`'s next int: the local {@code next} (RangeFirstNode put `a` there),
     * which it then steps. With a step of one it cannot overflow: the loop's test found it below `b`.
     * A larger step past the last int stops at the last int of that sign, which fails the test.
     */
    @Operation
    @ConstantOperand(type = LocalAccessor.class, name = "next")
    @ConstantOperand(type = long.class, name = "step")
    public static final class RangeNext {
        @Specialization
        static long doNext(VirtualFrame frame, LocalAccessor next, long step, @Bind BytecodeNode bytecode) {
            long x;
            try {
                x = next.getLong(bytecode, frame);
            } catch (UnexpectedResultException boxed) {
                x = (Long) boxed.getResult(); // an int all the same, in a local that is not kept unboxed
            }
            long stepped = x + step;
            // Wrapped past either end of the ints? Not with a step of 1 or -1: the loop's test has
            // just found x below (above) its end.
            if (step != 1 && step != -1 && ((x ^ stepped) & (step ^ stepped)) < 0) {
                stepped = step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            next.setLong(bytecode, frame, stepped);
            return x;
        }
    }

    /** A loop budget's local: always an int, stored by LoopBudget's store and SpendLoopBudget. */
    private static long budgetLeft(VirtualFrame frame, LocalAccessor left, BytecodeNode bytecode) {
        try {
            return left.getLong(bytecode, frame);
        } catch (UnexpectedResultException e) {
            throw CompilerDirectives.shouldNotReachHere("a loop budget that is not an int");
        }
    }

    /** Only `false` and `nil` are falsy. */
    @Operation
    @TypeSystemReference(CanonicalBooleans.class)
    public static final class Truthy {
        @Specialization
        static boolean doBoolean(boolean value) {
            return value;
        }

        @Fallback
        static boolean doOther(Object value) {
            return value != chan.values.ChanNil.NIL && value != Boolean.FALSE;
        }
    }

    @Operation
    @TypeSystemReference(CanonicalBooleans.class)
    public static final class Not {
        @Specialization
        static boolean doBoolean(boolean value) {
            return !value;
        }

        @Fallback
        static boolean doOther(Object value) {
            return value == chan.values.ChanNil.NIL || value == Boolean.FALSE;
        }
    }

    /** Reads captured value `index` of the running closure (arguments slot 0 holds the closure). */
    @Operation
    @ConstantOperand(type = int.class)
    public static final class LoadCapture {
        @Specialization
        static Object doLoad(VirtualFrame frame, int index) {
            return CompilerDirectives.castExact(frame.getArguments()[0], ChanFunction.class).capture(index);
        }
    }

    @Operation
    @ConstantOperand(type = GlobalCell.class)
    public static final class LoadGlobal {
        @Specialization
        static Object doLoad(GlobalCell cell, @Bind Node node) {
            Object value = cell.get();
            if (value == null) {
                CompilerDirectives.transferToInterpreter();
                throw ChanException.error("'" + cell.name + "' is used before it is initialised", node);
            }
            return value;
        }
    }

    /** Sets a global cell: a const (which must hold nothing mutable), or a REPL session's variable. */
    @Operation
    @ConstantOperand(type = GlobalCell.class)
    @ConstantOperand(type = boolean.class, name = "isConst")
    public static final class StoreGlobal {
        @Specialization
        static void doStore(GlobalCell cell, boolean isConst, Object value, @Bind Node node) {
            if (isConst && chan.values.Copying.hasMutable(value)) {
                // Every function in every thread sees a const: an array or dict in one would be shared.
                CompilerDirectives.transferToInterpreter();
                throw ChanException.error("const '" + cell.name + "' must be immutable, got " + chan.values.Keys.mutableName(value)
                                + " (nothing mutable is shared between threads: make it inside a function)", node);
            }
            cell.set(value);
        }
    }

    /** Makes a closure of a compiled function template, capturing the given values. */
    @Operation
    @ConstantOperand(type = FunctionTemplate.class)
    public static final class MakeClosure {
        @Specialization
        static ChanFunction doMake(FunctionTemplate template, @Variadic Object[] captures) {
            return template.instantiate(captures);
        }
    }

    /**
     * Calls an outlined loop of this function (OutlinedLoop): its locals that the loop names, and
     * the `--max-depth` level if it passes one on, are the operands; slot 0 gets this frame's own
     * slot 0, the closure whose captured values the loop reads. No arity check and no level of its
     * own: the loop is still this function, to the clock and to `--max-depth`.
     */
    @Operation
    @ConstantOperand(type = OutlinedLoop.class)
    public static final class CallLoop {
        @Specialization
        static Object doCall(VirtualFrame frame, OutlinedLoop loop, @Variadic(startOffset = 1) Object[] args,
                        @Cached("create(loop.callTarget())") DirectCallNode callNode) {
            Object[] own = frame.getArguments();
            args[0] = own.length > 0 ? own[0] : null;
            return callNode.call(args);
        }
    }

    /**
     * An outlined loop's end, or its stop at its back-edge to be called again ({@code how}, one of
     * LoopExit's ENDED, PREEMPTED, RESUMED): its function's locals, as the loop leaves them.
     */
    @Operation
    @ConstantOperand(type = int.class, name = "how")
    public static final class MakeLoopExit {
        @Specialization
        static LoopExit doMake(int how, @Variadic Object[] values) {
            return new LoopExit(values, how);
        }
    }

    /** Whether an outlined loop stopped at its back-edge, to be called again (LoopExit#restarts). */
    @Operation
    public static final class IsLoopRestart {
        @Specialization
        static boolean doTest(Object exit) {
            return CompilerDirectives.castExact(exit, LoopExit.class).restarts();
        }
    }

    /** Whether an outlined loop stopped for its thread's preemption (LoopExit#PREEMPTED): BLOCK is carried. */
    @Operation
    public static final class IsLoopPreempted {
        @Specialization
        static boolean doTest(Object exit) {
            return CompilerDirectives.castExact(exit, LoopExit.class).preempted();
        }
    }

    /** Whether an outlined loop ended (a LoopExit) rather than returned a value of its function. */
    @Operation
    public static final class IsLoopExit {
        @Specialization
        static boolean doTest(Object result) {
            return result instanceof LoopExit;
        }
    }

    /** The value of the function's local {@code index} that an outlined loop left (LoopExit). */
    @Operation
    @ConstantOperand(type = int.class)
    public static final class LoopExitValue {
        @Specialization
        static Object doRead(int index, Object exit) {
            return CompilerDirectives.castExact(exit, LoopExit.class).value(index);
        }
    }

    /**
     * Calls a function value that does not read a `--max-depth` level: a built-in, or a function
     * the compiler knows makes no call that passes one on (CallAtDepth). The arguments array
     * reserves slot 0 for the callee itself, so the array built by the operand stack is passed to
     * the callee as is.
     */
    @Operation
    public static final class Call {
        @Specialization(guards = "callee.callTarget() == cachedTarget", limit = "4")
        static Object doDirect(ChanFunction callee, @Variadic(startOffset = 1) Object[] args,
                        @Cached("callee.callTarget()") RootCallTarget cachedTarget,
                        @Cached("create(cachedTarget)") DirectCallNode callNode,
                        @Bind Node node) {
            checkArity(callee, args.length - 1, node);
            args[0] = callee;
            return callNode.call(args);
        }

        @Specialization(replaces = "doDirect")
        static Object doIndirect(ChanFunction callee, @Variadic(startOffset = 1) Object[] args,
                        @Cached IndirectCallNode callNode,
                        @Bind Node node) {
            checkArity(callee, args.length - 1, node);
            args[0] = callee;
            return callNode.call(callee.callTarget(), args);
        }

        @Specialization(guards = "!isFunction(callee)")
        static Object doNotAFunction(Object callee, @SuppressWarnings("unused") @Variadic(startOffset = 1) Object[] args, @Bind Node node) {
            throw notAFunction(callee, node);
        }

        static boolean isFunction(Object callee) {
            return callee instanceof ChanFunction;
        }
    }

    /**
     * Calls a function value, handing it its `--max-depth` level: {@code depth}, the caller's own
     * (a local the caller read at its entry: LoadCallDepth), one more if {@code counted}. Only a
     * call that may recur counts (the compiler's EntryChecks); such a call one level too deep
     * raises the stack overflow error. The level reaches the callee through the context's {@code
     * callDepth}, which the callee reads at its entry if it passes a level on itself, and only then
     * is it stored: one store and, if counted, one compare, and nothing after the call returns (the
     * caller's level is its local). Since a frame keeps its level, a thread resumed or an error
     * caught leaves every count as it was.
     */
    @Operation
    @ConstantOperand(type = boolean.class, name = "counted")
    public static final class CallAtDepth {
        @Specialization(guards = "callee.callTarget() == cachedTarget", limit = "4")
        static Object doDirect(boolean counted, long depth, ChanFunction callee, @Variadic(startOffset = 1) Object[] args,
                        @Cached("callee.callTarget()") RootCallTarget cachedTarget,
                        @Cached("create(cachedTarget)") DirectCallNode callNode,
                        @Cached("readsDepth(cachedTarget)") boolean reads,
                        @Bind Node node) {
            checkArity(callee, args.length - 1, node);
            args[0] = callee;
            if (counted || reads) {
                pass(ChanContext.get(node), counted, depth, reads, node);
            }
            return callNode.call(args);
        }

        @Specialization(replaces = "doDirect")
        static Object doIndirect(boolean counted, long depth, ChanFunction callee, @Variadic(startOffset = 1) Object[] args,
                        @Cached IndirectCallNode callNode,
                        @Bind Node node) {
            checkArity(callee, args.length - 1, node);
            args[0] = callee;
            pass(ChanContext.get(node), counted, depth, true, node);
            return callNode.call(callee.callTarget(), args);
        }

        @Specialization(guards = "!isFunction(callee)")
        static Object doNotAFunction(@SuppressWarnings("unused") boolean counted, @SuppressWarnings("unused") long depth, Object callee,
                        @SuppressWarnings("unused") @Variadic(startOffset = 1) Object[] args, @Bind Node node) {
            throw notAFunction(callee, node);
        }

        static boolean isFunction(Object callee) {
            return Call.isFunction(callee);
        }

        /** Checks a counted call against `--max-depth` and, if the callee reads it, stores its level. */
        private static void pass(ChanContext context, boolean counted, long depth, boolean reads, Node node) {
            if (counted && depth >= context.maxDepth) {
                CompilerDirectives.transferToInterpreter();
                throw ChanException.error("stack overflow: more than " + context.maxDepth + " nested calls", node);
            }
            if (reads) {
                context.callDepth = (int) (counted ? depth + 1 : depth);
            }
        }

        /**
         * Whether a call target reads its level at its entry: a Chan function whose bytecode holds
         * LoadCallDepth (no built-in does). If not, a call to it stores nothing: the call of a
         * function that calls only built-ins, or functions like it, costs no store at all.
         */
        static boolean readsDepth(RootCallTarget target) {
            return target.getRootNode() instanceof ChanBytecodeRootNode r && r.readsDepth();
        }
    }

    /** This frame's `--max-depth` level, which its caller stored (CallAtDepth); read once, at the entry. */
    @Operation
    public static final class LoadCallDepth {
        @Specialization
        static long doLoad(@Bind Node node) {
            return ChanContext.get(node).callDepth;
        }
    }

    /** A call of {@code callee} with {@code given} arguments, or `start` of one: an error unless its arity takes them. */
    public static void checkArity(ChanFunction callee, int given, Node node) {
        int arity = callee.arity();
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, arity != given && arity >= 0)) {
            // Thrown from compiled code, as CheckTypeNode's error: a call that always fails and is
            // caught every time must not leave compiled code at each one.
            throw arityError(callee, given, node);
        }
    }

    @TruffleBoundary
    private static ChanException arityError(ChanFunction callee, int given, Node node) {
        int arity = callee.arity();
        return ChanException.error(callee.name() + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", got " + given, node);
    }

    private static ChanException notAFunction(Object callee, Node node) {
        return ChanException.error("cannot call " + chan.values.Types.name(callee) + ": not a function", node);
    }

    /** Whether the bytecode holds LoadCallDepth (see {@link CallAtDepth#readsDepth}); scanned once, by the first call site. */
    private boolean readsDepth() {
        if (readsDepth == 0) {
            byte found = DEPTH_UNREAD;
            for (com.oracle.truffle.api.bytecode.Instruction instruction : getBytecodeNode().getInstructions()) {
                if (instruction.getName().equals("c.LoadCallDepth")) {
                    found = DEPTH_READ;
                    break;
                }
            }
            readsDepth = found;
        }
        return readsDepth == DEPTH_READ;
    }

    /** True when an operation's result is a suspension rather than a value (see the class comment). */
    static boolean isSuspension(Object result) {
        return result == Scheduler.BLOCK || result instanceof ContinuationResult;
    }

    /**
     * The converter of UnlessSuspended: true when an operation's result is a value; a suspension
     * (see the class comment) goes to {@link ChanContext#carried} for the loop's first Yield.
     */
    @Operation
    public static final class IsSettled {
        @Specialization
        static boolean doCheck(Object result, @Bind Node node) {
            if (isSuspension(result)) {
                ChanContext.get(node).carried = result;
                return false;
            }
            return true;
        }
    }

    /**
     * The converter of UnlessBlocked, for an operation that calls no guest code and so can suspend
     * only with {@link Scheduler#BLOCK} (IterNext, Poll): IsSettled without the class test of the
     * result, which in a compiled `for` over an array of objects loaded each element's header.
     */
    @Operation
    public static final class IsUnblocked {
        @Specialization
        static boolean doCheck(Object result, @Bind Node node) {
            if (result == Scheduler.BLOCK) {
                ChanContext.get(node).carried = result;
                return false;
            }
            return true;
        }
    }

    /** Hands a resumed callee's result to the next operation of the loop; true if it is a suspension. */
    @Operation
    public static final class Carry {
        @Specialization
        static boolean doCarry(Object result, @Bind Node node) {
            ChanContext.get(node).carried = result;
            return isSuspension(result);
        }
    }

    /** Takes what the previous operation of the loop carried (see {@link Carry}). */
    @Operation
    public static final class Carried {
        @Specialization
        static Object doTake(@Bind Node node) {
            ChanContext context = ChanContext.get(node);
            Object result = context.carried;
            context.carried = null;
            return result;
        }
    }

    /**
     * The suspension this frame yielded, as it is being resumed: what the frame's own continuation
     * ({@link ChanContext#resuming}) carries as its result. A callee's continuation becomes the one
     * being resumed, for the callee's own Callee; {@link Scheduler#BLOCK} ends the descent.
     */
    @Operation
    public static final class Callee {
        @Specialization
        static Object doNext(@Bind Node node) {
            ChanContext context = ChanContext.get(node);
            Object callee = context.resuming.getResult();
            context.resuming = callee instanceof ContinuationResult c ? c : null;
            return callee;
        }
    }

    /**
     * Resumes a suspended callee (from {@link Callee}) with the value the scheduler resumed this
     * frame with. A runtime operation (a receive, a built-in such as sleep) that blocked has no
     * frame of its own: the scheduler's value is its result. The resume value comes first: the Yield
     * that produces it then has nothing under it on the operand stack, so a compiled yield copies no
     * stack values into the thread's frame (a copy out of the resumed continuation's virtual frame
     * would make that frame's three arrays real: an allocation of ~200 bytes per yield).
     */
    @Operation
    public static final class ResumeCallee {
        @Specialization(guards = "result.getContinuationRootNode() == cachedRoot", limit = "4")
        static Object doDirect(Object value, ContinuationResult result,
                        @Cached("result.getContinuationRootNode()") ContinuationRootNode cachedRoot,
                        @Cached("create(cachedRoot.getCallTarget())") DirectCallNode callNode) {
            ContinuationLocations.refresh(cachedRoot);
            return callNode.call(result.getFrame(), value);
        }

        @Specialization(replaces = "doDirect")
        static Object doIndirect(Object value, ContinuationResult result, @Cached IndirectCallNode callNode) {
            ContinuationLocations.refresh(result.getContinuationRootNode());
            return callNode.call(result.getContinuationCallTarget(), result.getFrame(), value);
        }

        /** An operation that ran at the thread's turn failed there (Scheduler.awaitTurn): it fails here. */
        @Specialization(guards = "!isContinuation(result)")
        static Object doDeferredFailure(DeferredFailure value, @SuppressWarnings("unused") Object result, @Bind Node node) {
            throw ChanException.error(value.error().getMessage(), node);
        }

        static boolean isContinuation(Object result) {
            return result instanceof ContinuationResult;
        }

        @Fallback
        static Object doRuntimeOperation(Object value, @SuppressWarnings("unused") Object result) {
            return value;
        }
    }

    /** `throw v`. */
    @Operation
    public static final class Throw {
        @Specialization
        static Object doThrow(Object value, @Bind Node node) {
            throw new ChanException(value, node);
        }
    }

    /** The Chan value carried by a caught exception: what `catch (e)` binds. */
    @Operation
    public static final class CaughtValue {
        @Specialization
        static Object doUnwrap(Object exception) {
            if (exception instanceof ChanException e) {
                return e.value();
            }
            throw CompilerDirectives.shouldNotReachHere("unexpected exception in catch: " + exception);
        }
    }

    /** Runs a module's initialisation once: true if it has already started (then skip it). */
    @Operation
    @ConstantOperand(type = ChanModule.class)
    public static final class InitModule {
        @Specialization
        static boolean doInit(ChanModule module) {
            return module.markInitialised();
        }
    }
}
