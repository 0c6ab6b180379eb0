package io.skitai.smtpda.internal;

import io.skitai.core.MediaTypes;
import io.skitai.smtpda.EmailException;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the MIME message of a {@link Draft}:
 *
 * <pre>
 * multipart/mixed                 (only with regular attachments)
 *   multipart/related             (only with inline cid: parts)
 *     multipart/alternative       (only with several bodies: text/plain first, text/html last)
 *     inline parts, Content-ID &lt;cid&gt;
 *   attachments
 * </pre>
 *
 * Attachment bytes are read now, so the spooled message no longer depends on the files.
 */
public final class MimeComposer {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String UTF8 = "UTF-8";

    private MimeComposer() {}

    /** The validated addresses and MIME bytes of a draft. */
    public record Composed(String sender, List<String> recipients, byte[] mime) {}

    /**
     * Validates a draft and writes its MIME message.
     *
     * @throws EmailException for an invalid address, no recipient, a non-text body, a missing attachment
     */
    public static Composed compose(Draft d) {
        InternetAddress from = address("from", d.from());
        List<InternetAddress> to = addresses("to", d.to());
        List<InternetAddress> cc = addresses("cc", d.cc());
        List<InternetAddress> bcc = addresses("bcc", d.bcc());
        List<InternetAddress> replyTo = addresses("reply-to", d.replyTo());
        List<String> recipients = new ArrayList<>();
        for (List<InternetAddress> l : List.of(to, cc, bcc)) {
            l.forEach(a -> recipients.add(a.getAddress()));
        }
        if (recipients.isEmpty()) {
            throw new EmailException(Messages.noRecipient());
        }
        try {
            MimeMessage m = new MimeMessage(SESSION);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            if (!cc.isEmpty()) {
                m.setRecipients(Message.RecipientType.CC, cc.toArray(InternetAddress[]::new));
            }
            if (!replyTo.isEmpty()) {
                m.setReplyTo(replyTo.toArray(InternetAddress[]::new));
            }
            m.setSubject(d.subject() == null ? "" : d.subject(), UTF8);
            m.setSentDate(new java.util.Date());
            setBody(m, d);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out, new String[] {"Bcc"});
            return new Composed(from.getAddress(), List.copyOf(recipients), out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new EmailException(Messages.mimeFailure(e.getMessage()), e);
        }
    }

    private static void setBody(MimeMessage m, Draft d) throws MessagingException {
        List<Draft.Attachment> inline = d.attachments().stream().filter(a -> a.cid().isPresent()).toList();
        List<Draft.Attachment> files = d.attachments().stream().filter(a -> a.cid().isEmpty()).toList();
        List<Draft.Content> texts = sortedTexts(d.contents());
        if (texts.size() == 1 && d.attachments().isEmpty()) {
            m.setText(texts.get(0).text(), UTF8, subtype(texts.get(0).mimeType()));
            return;
        }
        MimeMultipart top = texts.size() == 1 ? null : alternative(texts);
        if (!inline.isEmpty()) {
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(top == null ? text(texts.get(0)) : wrap(top));
            Set<String> cids = new HashSet<>();
            for (Draft.Attachment a : inline) {
                if (!cids.add(a.cid().get())) {
                    throw new EmailException(Messages.duplicateCid(a.cid().get()));
                }
                related.addBodyPart(file(a, Part.INLINE));
            }
            top = related;
        }
        if (!files.isEmpty()) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(top == null ? text(texts.get(0)) : wrap(top));
            for (Draft.Attachment a : files) {
                mixed.addBodyPart(file(a, Part.ATTACHMENT));
            }
            top = mixed;
        }
        m.setContent(top);
    }

    /** The bodies, plain text first (mail readers show the last alternative they can); none is an empty text. */
    private static List<Draft.Content> sortedTexts(List<Draft.Content> contents) {
        List<Draft.Content> sorted = new ArrayList<>(contents.isEmpty() ? List.of(new Draft.Content("", "text/plain")) : contents);
        sorted.sort(Comparator.comparingInt(c -> subtype(c.mimeType()).equals("plain") ? 0 : 1));
        return sorted;
    }

    private static MimeMultipart alternative(List<Draft.Content> texts) throws MessagingException {
        MimeMultipart alt = new MimeMultipart("alternative");
        for (Draft.Content c : texts) {
            alt.addBodyPart(text(c));
        }
        return alt;
    }

    private static MimeBodyPart text(Draft.Content c) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(c.text() == null ? "" : c.text(), UTF8, subtype(c.mimeType()));
        return p;
    }

    private static String subtype(String mimeType) {
        String t = mimeType == null ? "" : mimeType.strip().toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) {
            t = t.substring(0, semi).strip();
        }
        if (!t.startsWith("text/") || t.length() == 5) {
            throw new EmailException(Messages.badContentType(mimeType));
        }
        return t.substring(5);
    }

    private static MimeBodyPart file(Draft.Attachment a, String disposition) throws MessagingException {
        Path f = a.file();
        if (!Files.isRegularFile(f)) {
            throw new EmailException(Messages.missingAttachment(f));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new EmailException(Messages.unreadableAttachment(f, e.getMessage()), e);
        }
        String type = MediaTypes.of(f);
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        p.setFileName(f.getFileName().toString());
        p.setDisposition(disposition);
        if (a.cid().isPresent()) {
            p.setContentID("<" + a.cid().get() + ">");
        }
        return p;
    }

    private static MimeBodyPart wrap(MimeMultipart mp) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setContent(mp);
        return p;
    }

    private static InternetAddress address(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new EmailException(Messages.badAddress(field, String.valueOf(text), "it is empty"));
        }
        try {
            InternetAddress a = new InternetAddress(text.strip(), true);
            a.validate();
            if (a.isGroup() || a.getAddress().indexOf('@') <= 0) {
                throw new AddressException("it needs the form name@domain");
            }
            return a;
        } catch (AddressException e) {
            String reason = e.getMessage() == null ? "malformed" : e.getMessage();
            int in = reason.indexOf(" in string");
            throw new EmailException(Messages.badAddress(field, text, in > 0 ? reason.substring(0, in) : reason), e);
        }
    }

    private static List<InternetAddress> addresses(String field, List<String> texts) {
        List<InternetAddress> out = new ArrayList<>();
        for (String t : texts) {
            out.add(address(field, t));
        }
        return out;
    }
}
