package io.skitai.was;

/**
 * A gRPC server ended a call with an error status: the call's {@link Result} has status
 * {@link Result#EXCEPTION} and this as its {@link Result#exception()} (the gRPC
 * {@code StatusRuntimeException} is its cause).
 */
public final class GrpcFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String codeName;
    private final String description;

    /** A fault with the status code (its number and name, e.g. 5 and {@code NOT_FOUND}) and description. */
    public GrpcFault(int code, String codeName, String description, Throwable cause) {
        super("gRPC " + codeName + (description == null || description.isEmpty() ? "" : ": " + description), cause);
        this.code = code;
        this.codeName = codeName;
        this.description = description == null ? "" : description;
    }

    /** The gRPC status code number, e.g. 5 for NOT_FOUND. */
    public int code() {
        return code;
    }

    /** The gRPC status code name, e.g. {@code NOT_FOUND}. */
    public String codeName() {
        return codeName;
    }

    /** The server's description of the status ({@code ""} if it gave none). */
    public String description() {
        return description;
    }
}
