package io.skitai.smtpda.internal;

/** A spool file that cannot be a complete message: truncated, altered, or not a spool file at all. */
public final class CorruptSpoolFile extends Exception {

    private static final long serialVersionUID = 1L;

    /** With what is wrong. */
    public CorruptSpoolFile(String reason) {
        super(reason);
    }
}
