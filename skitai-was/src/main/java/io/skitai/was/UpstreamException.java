package io.skitai.was;

/**
 * An upstream call did not end normally (timeout, connection failure, XML-RPC fault) where the
 * code asked for an exception instead of a {@link Result}: {@link Result#reraise()},
 * {@link Call#await(double)}. The failed result travels with it.
 */
public class UpstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Result result;

    /** The failure of {@code result}, its {@link Result#reason()} as message and its exception as cause. */
    public UpstreamException(Result result) {
        super(message(result), result.exception().orElse(null));
        this.result = result;
    }

    /** The result that failed. */
    public Result result() {
        return result;
    }

    private static String message(Result r) {
        String how = switch (r.status()) {
            case Result.TIMEOUT -> "timed out";
            case Result.EXCEPTION -> "failed";
            case Result.INITIAL -> "has not finished";
            default -> "answered " + r.statusCode();
        };
        return "upstream call " + how + ": " + r.reason();
    }
}
