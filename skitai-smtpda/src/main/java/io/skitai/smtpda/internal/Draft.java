package io.skitai.smtpda.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of an {@code Email} builder at {@code send()}: everything the MIME message and the
 * envelope are made of.
 *
 * @param subject     the subject
 * @param from        the From address
 * @param to          To addresses
 * @param cc          Cc addresses
 * @param bcc         Bcc addresses (envelope only, never in the headers)
 * @param replyTo     Reply-To addresses
 * @param contents    the text bodies, alternatives of each other
 * @param attachments files; those with a content id are inline parts for {@code cid:} references
 */
public record Draft(String subject, String from, List<String> to, List<String> cc, List<String> bcc,
        List<String> replyTo, List<Content> contents, List<Attachment> attachments) {

    /** One text body. */
    public record Content(String text, String mimeType) {}

    /** One file, inline when it has a content id. */
    public record Attachment(Path file, Optional<String> cid) {}

    /** Freezes the lists. */
    public Draft {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        contents = List.copyOf(contents);
        attachments = List.copyOf(attachments);
    }
}
