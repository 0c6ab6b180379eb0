package io.skitai.was.internal;

import io.skitai.was.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Makes {@link Result}s for transports and handles. */
public final class Outcomes {

    private static final byte[] EMPTY = new byte[0];

    private Outcomes() {}

    /** The upstream answered: {@link Result#NORMAL}. {@code headers} are copied case-insensitively. */
    public static Outcome normal(int statusCode, String reason, Map<String, List<String>> headers, byte[] content,
            Object data) {
        return new Outcome(Result.NORMAL, statusCode, reason, caseInsensitive(headers), content, data, null, null);
    }

    /**
     * The upstream answered but the call failed (an XML-RPC fault, a body that does not parse):
     * {@link Result#EXCEPTION} with the answer kept.
     */
    public static Outcome failedAnswer(int statusCode, Map<String, List<String>> headers, byte[] content, Object data,
            Throwable failure) {
        return new Outcome(Result.EXCEPTION, statusCode, String.valueOf(failure.getMessage()),
                caseInsensitive(headers), content, data, failure, null);
    }

    /** No answer: {@link Result#EXCEPTION}. */
    public static Outcome failure(Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new Outcome(Result.EXCEPTION, 0, reason, Map.of(), EMPTY, null, failure, null);
    }

    /** No answer in time: {@link Result#TIMEOUT}. */
    public static Outcome timeout(Duration waited) {
        java.util.concurrent.TimeoutException e = new java.util.concurrent.TimeoutException(
                "no answer within " + waited.toMillis() + " ms");
        return new Outcome(Result.TIMEOUT, 0, e.getMessage(), Map.of(), EMPTY, null, e, null);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
