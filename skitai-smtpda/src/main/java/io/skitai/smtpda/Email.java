package io.skitai.smtpda;

import io.skitai.smtpda.internal.Draft;
import io.skitai.smtpda.internal.Envelope;
import io.skitai.smtpda.internal.Messages;
import io.skitai.smtpda.internal.MimeComposer;
import io.skitai.smtpda.internal.SpoolStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An email to hand to the delivery daemon (Python's {@code was.email}). {@link #send()} writes it
 * into the spool durably and returns; the smtpda daemon delivers it later, retrying as needed.
 *
 * <pre>{@code
 * Email.of("Hello", "me@example.com", "you@example.com")
 *      .setSmtp("smtp.example.com:465", "me", "secret", true)   // else the daemon's --smtp-server
 *      .addContent("Hello World<div><img src='cid:ID_A'></div>", "text/html")
 *      .addContent("Hello World", "text/plain")                  // the alternative for text-only readers
 *      .addAttachment(Path.of("001.png"), "ID_A")                // inline, referenced as cid:ID_A
 *      .addAttachment(Path.of("report.pdf"))
 *      .send();
 * }</pre>
 *
 * Addresses and attachments are checked at {@link #send()}, which throws an {@link EmailException}
 * saying what to fix. A builder is for one thread; it can be sent more than once (each send spools
 * a separate message).
 */
public final class Email {

    private final String subject;
    private final String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private final List<String> replyTo = new ArrayList<>();
    private final List<Draft.Content> contents = new ArrayList<>();
    private final List<Draft.Attachment> attachments = new ArrayList<>();
    private Optional<SmtpServer> server = Optional.empty();
    private Path spool;

    private Email(String subject, String from) {
        this.subject = subject;
        this.from = from;
    }

    /**
     * A new email. {@code from} and every recipient may carry a display name
     * ({@code "Hans Roh <hans@example.com>"}).
     */
    public static Email of(String subject, String from, String... to) {
        return new Email(subject, from).to(to);
    }

    /** Adds To recipients. */
    public Email to(String... addresses) {
        to.addAll(Arrays.asList(addresses));
        return this;
    }

    /** Adds Cc recipients. */
    public Email cc(String... addresses) {
        cc.addAll(Arrays.asList(addresses));
        return this;
    }

    /** Adds Bcc recipients: they receive the message but appear in no header. */
    public Email bcc(String... addresses) {
        bcc.addAll(Arrays.asList(addresses));
        return this;
    }

    /** Adds Reply-To addresses. */
    public Email replyTo(String... addresses) {
        replyTo.addAll(Arrays.asList(addresses));
        return this;
    }

    /**
     * Delivers through this server instead of the daemon's default (Python's {@code set_smtp}).
     * {@code ssl} true means SMTPS (TLS from the start); for STARTTLS use
     * {@link #setSmtp(String, String, String, Security)}. The password is stored in the spool file
     * (readable by its owner only) because the daemon needs it; it is never logged.
     *
     * @param hostPort {@code "host:port"}
     * @param user     login, or {@code null} for none
     * @param password password, or {@code null} for none
     * @throws IllegalArgumentException for a malformed {@code host:port}
     */
    public Email setSmtp(String hostPort, String user, String password, boolean ssl) {
        return setSmtp(hostPort, user, password, ssl ? Security.SSL : Security.NONE);
    }

    /** Delivers through this server with the given security; see {@link #setSmtp(String, String, String, boolean)}. */
    public Email setSmtp(String hostPort, String user, String password, Security security) {
        return setSmtp(SmtpServer.of(hostPort, user, password, security));
    }

    /** Delivers through this server, without login or TLS. */
    public Email setSmtp(String hostPort) {
        return setSmtp(SmtpServer.of(hostPort, Security.NONE));
    }

    /** Delivers through this server. */
    public Email setSmtp(SmtpServer smtpServer) {
        this.server = Optional.of(smtpServer);
        return this;
    }

    /**
     * Adds a body: {@code "text/plain"} or {@code "text/html"} (UTF-8). Several bodies are
     * alternatives of one another: readers show the HTML one and fall back on the plain text.
     */
    public Email addContent(String text, String mimeType) {
        contents.add(new Draft.Content(text, mimeType));
        return this;
    }

    /** Attaches a file; its Content-Type comes from its extension. */
    public Email addAttachment(Path file) {
        attachments.add(new Draft.Attachment(file, Optional.empty()));
        return this;
    }

    /**
     * Adds a file as an inline part with Content-ID {@code cid}, for the HTML body to show as
     * {@code <img src="cid:ID">}.
     */
    public Email addAttachment(Path file, String cid) {
        if (cid == null || cid.isBlank()) {
            return addAttachment(file);
        }
        attachments.add(new Draft.Attachment(file, Optional.of(cid.strip())));
        return this;
    }

    /** Spools into this directory instead of {@link Spool#defaultDirectory()}. */
    public Email spool(Path directory) {
        this.spool = directory;
        return this;
    }

    /**
     * Writes the message into the spool and returns its spool id once it is safe on disk (written
     * to a temporary file, fsynced, atomically renamed, the directory fsynced). It never talks SMTP.
     *
     * @throws EmailException for an invalid address, no recipient, a missing attachment, a non-text
     *     body type, or a spool that cannot be written
     */
    public String send() {
        MimeComposer.Composed c = MimeComposer.compose(new Draft(subject, from, to, cc, bcc, replyTo, contents, attachments));
        Path dir = spool == null ? Spool.defaultDirectory() : spool;
        try {
            SpoolStore store = SpoolStore.open(dir);
            String id = SpoolStore.newId(System.currentTimeMillis());
            store.submit(new Envelope(id, System.currentTimeMillis(), c.sender(), c.recipients(), server), c.mime());
            return id;
        } catch (IOException e) {
            throw new EmailException(Messages.spoolWrite(dir, e.toString()), e);
        }
    }

    @Override
    public String toString() {
        return "Email[" + subject + " from " + from + " to " + to + server.map(s -> " via " + s).orElse("") + "]";
    }
}
