package io.skitai.core;

import io.undertow.util.StatusCodes;

/** Reason phrases for HTTP status codes. */
public final class StatusText {

    private StatusText() {}

    /** The standard reason phrase of a status code, e.g. {@code "Not Found"} for 404. */
    public static String of(int status) {
        return StatusCodes.getReason(status);
    }
}
