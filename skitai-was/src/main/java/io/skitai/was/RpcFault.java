package io.skitai.was;

/**
 * An XML-RPC server answered with a fault: the call's {@link Result} has status
 * {@link Result#EXCEPTION} and this as its {@link Result#exception()}.
 */
public final class RpcFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int faultCode;
    private final String faultString;

    /** A fault with the server's code and string. */
    public RpcFault(int faultCode, String faultString) {
        super("XML-RPC fault " + faultCode + ": " + faultString, null, false, false);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    /** The server's {@code faultCode}. */
    public int faultCode() {
        return faultCode;
    }

    /** The server's {@code faultString}. */
    public String faultString() {
        return faultString;
    }
}
