package chan.nodes;

/** The static form of a `choose`: each option's kind, and whether the first ready option wins (`prichoose`). */
public record ChooseShape(Kind[] kinds, boolean prioritised) {
    public enum Kind { RECEIVE, SEND, DEFAULT, RECEIVE_ANY }
}
