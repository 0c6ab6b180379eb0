package io.skitai.was;

import io.skitai.smtpda.Email;
import io.skitai.smtpda.Security;
import io.skitai.smtpda.SmtpServer;
import java.nio.file.Path;

/**
 * An email written from a route, {@code was.email(subject, from, to...)}: the builder of smtpda's
 * {@link Email}, whose methods it forwards; {@link #send()} spools the message for the smtpda
 * daemon and returns its spool id.
 *
 * <pre>{@code
 * was.email("Welcome", "site@example.com", user.email())
 *    .addContent("<p>Hello</p>", "text/html")
 *    .send();
 * }</pre>
 *
 * <p>It is was's own type so that {@link Was} names no smtpda class: skitai-smtpda is an optional
 * dependency, and {@code Was} must load and be reflected on (templates call its methods) without it.
 * Outside a request, use {@link Email#of(String, String, String...)} directly.
 */
public final class Mail {

    private final Email email;

    private Mail(Email email) {
        this.email = email;
    }

    static Mail of(String subject, String from, String... to) {
        return new Mail(Email.of(subject, from, to));
    }

    /** Adds To recipients. */
    public Mail to(String... addresses) {
        email.to(addresses);
        return this;
    }

    /** Adds Cc recipients. */
    public Mail cc(String... addresses) {
        email.cc(addresses);
        return this;
    }

    /** Adds Bcc recipients: they receive the message but appear in no header. */
    public Mail bcc(String... addresses) {
        email.bcc(addresses);
        return this;
    }

    /** Adds Reply-To addresses. */
    public Mail replyTo(String... addresses) {
        email.replyTo(addresses);
        return this;
    }

    /** Delivers through this server ({@code ssl}: SMTPS) instead of the daemon's; see {@link Email#setSmtp(String, String, String, boolean)}. */
    public Mail setSmtp(String hostPort, String user, String password, boolean ssl) {
        email.setSmtp(hostPort, user, password, ssl);
        return this;
    }

    /** Delivers through this server with the given security. */
    public Mail setSmtp(String hostPort, String user, String password, Security security) {
        email.setSmtp(hostPort, user, password, security);
        return this;
    }

    /** Delivers through this server, without login or TLS. */
    public Mail setSmtp(String hostPort) {
        email.setSmtp(hostPort);
        return this;
    }

    /** Delivers through this server. */
    public Mail setSmtp(SmtpServer smtpServer) {
        email.setSmtp(smtpServer);
        return this;
    }

    /** Adds a {@code text/plain} or {@code text/html} body; several are alternatives of one another. */
    public Mail addContent(String text, String mimeType) {
        email.addContent(text, mimeType);
        return this;
    }

    /** Attaches a file; its Content-Type comes from its extension. */
    public Mail addAttachment(Path file) {
        email.addAttachment(file);
        return this;
    }

    /** Adds a file as an inline part with Content-ID {@code cid} ({@code <img src="cid:ID">}). */
    public Mail addAttachment(Path file, String cid) {
        email.addAttachment(file, cid);
        return this;
    }

    /** Spools into this directory instead of the default one. */
    public Mail spool(Path directory) {
        email.spool(directory);
        return this;
    }

    /**
     * Writes the message into the spool and returns its spool id once it is safe on disk; see
     * {@link Email#send()}.
     *
     * @throws io.skitai.smtpda.EmailException for an invalid address, no recipient, a missing
     *     attachment, a non-text body type, or a spool that cannot be written
     */
    public String send() {
        return email.send();
    }

    @Override
    public String toString() {
        return email.toString();
    }
}
