package io.skitai.smtpda;

/**
 * {@link Email#send()} refused a message (an invalid address, a missing attachment, no recipient)
 * or could not write it to the spool. The message is one line that says what to fix.
 */
public class EmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its one-line message. */
    public EmailException(String message) {
        super(message);
    }

    /** A refusal with its cause. */
    public EmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
