package chan.runtime;

/**
 * One option of a {@code choose} as the interpreter hands it to {@link Choose#select}: receive from or
 * send to a channel. An option whose {@code when} guard is false, or whose channel is nil (null here),
 * is disabled and never chosen. Fields are public and mutable so that the interpreter may reuse an
 * array of cases; select keeps a reference to them only while the strand is blocked in it.
 */
public final class ChooseCase {
    public enum Kind { RECV, SEND }

    public static final Kind RECV = Kind.RECV;
    public static final Kind SEND = Kind.SEND;

    public Kind kind;
    public Channel channel;
    /** SEND: the value to send. RECV: once this option is chosen, the value received (nil if closed). */
    public Object value;
    public boolean enabled;

    public ChooseCase(Kind kind, Channel channel, Object value, boolean enabled) {
        this.kind = kind;
        this.channel = channel;
        this.value = value;
        this.enabled = enabled;
    }

    public static ChooseCase recv(Channel channel, boolean enabled) {
        return new ChooseCase(Kind.RECV, channel, null, enabled);
    }

    public static ChooseCase send(Channel channel, Object value, boolean enabled) {
        return new ChooseCase(Kind.SEND, channel, value, enabled);
    }

    boolean active() {
        return enabled && channel != null;
    }

    @Override
    public String toString() {
        return (kind == Kind.RECV ? "receive from " : "send to ") + channel + (enabled ? "" : " (disabled)");
    }
}
