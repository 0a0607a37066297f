package chan.values;

/**
 * The Java classes of struct values: one class for each of the first {@link #COUNT} struct types a
 * language instance declares, and {@link Shared} for every type after those.
 *
 * <p>Why: a field read {@code e.next} must know {@code e}'s type to know where {@code next} is.
 * With a class of its own, the type is told by the class word alone, one compare, and compiled code
 * need not load the struct's type and compare it too (GetFieldNode, IsStructOfNode). That second
 * compare was a sixth of List's time (bench/README.md, "Struct types as classes").
 *
 * <p>Soundness: a class of its own stands for exactly one {@link ChanStructType} object. The
 * language instance hands the classes out ({@code ChanLanguage.nextStructClass}), and the values of
 * one language instance never reach the code of another (a struct cannot leave its context), so no
 * site can meet two types under one class. Types past {@link #COUNT} (a long REPL session, say) all
 * get {@link Shared}, and the sites that meet them compare the type, as before.
 */
public final class StructClasses {
    /** How many struct types get a class of their own. Programs declare a dozen or two. */
    public static final int COUNT = 32;

    private StructClasses() {}

    /** The class of every struct whose type has none of its own. */
    static final class Shared extends ChanStruct { Shared(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }

    static final class S0 extends ChanStruct { S0(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S1 extends ChanStruct { S1(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S2 extends ChanStruct { S2(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S3 extends ChanStruct { S3(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S4 extends ChanStruct { S4(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S5 extends ChanStruct { S5(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S6 extends ChanStruct { S6(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S7 extends ChanStruct { S7(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S8 extends ChanStruct { S8(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S9 extends ChanStruct { S9(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S10 extends ChanStruct { S10(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S11 extends ChanStruct { S11(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S12 extends ChanStruct { S12(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S13 extends ChanStruct { S13(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S14 extends ChanStruct { S14(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S15 extends ChanStruct { S15(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S16 extends ChanStruct { S16(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S17 extends ChanStruct { S17(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S18 extends ChanStruct { S18(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S19 extends ChanStruct { S19(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S20 extends ChanStruct { S20(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S21 extends ChanStruct { S21(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S22 extends ChanStruct { S22(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S23 extends ChanStruct { S23(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S24 extends ChanStruct { S24(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S25 extends ChanStruct { S25(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S26 extends ChanStruct { S26(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S27 extends ChanStruct { S27(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S28 extends ChanStruct { S28(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S29 extends ChanStruct { S29(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S30 extends ChanStruct { S30(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }
    static final class S31 extends ChanStruct { S31(ChanStructType t, Object[] v, boolean m) { super(t, v, m); } }

    private static final Class<?>[] OWN = {
                    S0.class, S1.class, S2.class, S3.class, S4.class, S5.class, S6.class, S7.class,
                    S8.class, S9.class, S10.class, S11.class, S12.class, S13.class, S14.class, S15.class,
                    S16.class, S17.class, S18.class, S19.class, S20.class, S21.class, S22.class, S23.class,
                    S24.class, S25.class, S26.class, S27.class, S28.class, S29.class, S30.class, S31.class};

    /**
     * A new struct of {@code type}: an instance of the type's own class. In compiled code the type
     * is usually a constant, and this switch folds to one allocation.
     */
    static ChanStruct make(ChanStructType type, Object[] values, boolean containsMutable) {
        return switch (type.ownClassIndex()) {
            case 0 -> new S0(type, values, containsMutable);
            case 1 -> new S1(type, values, containsMutable);
            case 2 -> new S2(type, values, containsMutable);
            case 3 -> new S3(type, values, containsMutable);
            case 4 -> new S4(type, values, containsMutable);
            case 5 -> new S5(type, values, containsMutable);
            case 6 -> new S6(type, values, containsMutable);
            case 7 -> new S7(type, values, containsMutable);
            case 8 -> new S8(type, values, containsMutable);
            case 9 -> new S9(type, values, containsMutable);
            case 10 -> new S10(type, values, containsMutable);
            case 11 -> new S11(type, values, containsMutable);
            case 12 -> new S12(type, values, containsMutable);
            case 13 -> new S13(type, values, containsMutable);
            case 14 -> new S14(type, values, containsMutable);
            case 15 -> new S15(type, values, containsMutable);
            case 16 -> new S16(type, values, containsMutable);
            case 17 -> new S17(type, values, containsMutable);
            case 18 -> new S18(type, values, containsMutable);
            case 19 -> new S19(type, values, containsMutable);
            case 20 -> new S20(type, values, containsMutable);
            case 21 -> new S21(type, values, containsMutable);
            case 22 -> new S22(type, values, containsMutable);
            case 23 -> new S23(type, values, containsMutable);
            case 24 -> new S24(type, values, containsMutable);
            case 25 -> new S25(type, values, containsMutable);
            case 26 -> new S26(type, values, containsMutable);
            case 27 -> new S27(type, values, containsMutable);
            case 28 -> new S28(type, values, containsMutable);
            case 29 -> new S29(type, values, containsMutable);
            case 30 -> new S30(type, values, containsMutable);
            case 31 -> new S31(type, values, containsMutable);
            default -> new Shared(type, values, containsMutable);
        };
    }

    /** The class that stands for the type given class {@code index}, or null if {@code index} is none ({@code -1}). */
    static Class<? extends ChanStruct> ownClass(int index) {
        return index < 0 ? null : OWN[index].asSubclass(ChanStruct.class);
    }
}
