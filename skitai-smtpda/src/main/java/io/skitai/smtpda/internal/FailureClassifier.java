package io.skitai.smtpda.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts a Jakarta Mail failure into transient (retry later) or permanent (give up): an SMTP reply
 * code decides when there is one (5xx permanent, 4xx transient); a rejected login and a missing
 * STARTTLS are permanent; network trouble and anything unknown are transient (max-retry bounds them).
 */
final class FailureClassifier {

    private FailureClassifier() {}

    static Outcome classify(MessagingException e) {
        String reason = reason(e);
        int code = replyCode(e);
        if (code >= 500) {
            return new Outcome.Permanent(reason);
        }
        if (code >= 400) {
            return new Outcome.Transient(reason);
        }
        if (e instanceof AuthenticationFailedException) {
            return new Outcome.Permanent("authentication failed: " + reason);
        }
        if (reason.contains("STARTTLS is required")) {
            return new Outcome.Permanent(reason);
        }
        return new Outcome.Transient(reason);
    }

    /** The first SMTP reply code found in the exception chain, or 0. */
    static int replyCode(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            int code = switch (t) {
                case SMTPAddressFailedException a -> a.getReturnCode();
                case SMTPSenderFailedException s -> s.getReturnCode();
                case SMTPSendFailedException s -> s.getReturnCode();
                default -> 0;
            };
            if (code > 0) {
                return code;
            }
        }
        return 0;
    }

    /** One line: each distinct message of the chain, joined with ": ". */
    static String reason(Throwable e) {
        StringBuilder b = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = next(t)) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (t instanceof java.io.IOException && !(t instanceof java.net.SocketTimeoutException)) {
                m = t.getClass().getSimpleName() + ": " + m;
            }
            if (!m.isEmpty() && b.indexOf(m) < 0) {
                b.append(b.isEmpty() ? "" : ": ").append(m);
            }
        }
        String line = b.toString().replaceAll("\\s+", " ");
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SendFailedException s && s.getNextException() != null) {
            return s.getNextException();
        }
        return t.getCause();
    }
}
