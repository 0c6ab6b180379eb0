package io.skitai.core;

/**
 * The engine cannot start with this configuration (port in use, missing certificate, missing
 * static directory, unknown mount target...). Its message is one line that names the problem and
 * what to do; {@link Skitai#run(Run)} prints it and exits with status 2 instead of a stack trace.
 */
public class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A startup failure with a one-line, actionable message. */
    public StartupException(String message) {
        super(message);
    }

    /** A startup failure with its cause (kept for debugging, not printed by {@code Skitai.run}). */
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
