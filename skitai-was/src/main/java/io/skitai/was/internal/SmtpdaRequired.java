package io.skitai.was.internal;

/**
 * The check that skitai-smtpda is on the class path: it is an optional dependency of skitai-was.
 * This class refers to no smtpda type, so it loads whether smtpda is there or not; call
 * {@link #require(String)} before touching a class that does.
 */
public final class SmtpdaRequired {

    /** The class {@code was.email(..)} builds on. */
    private static final String EMAIL = "io.skitai.smtpda.Email";

    private SmtpdaRequired() {}

    /** Throws a message naming the Maven coordinates to add when skitai-smtpda is not on the class path. */
    public static void require(String feature) {
        try {
            Class.forName(EMAIL, false, SmtpdaRequired.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(Messages.smtpdaMissing(feature, EMAIL), e);
        }
    }
}
