package io.skitai.smtpda.internal;

import io.skitai.smtpda.Security;
import io.skitai.smtpda.SmtpServer;
import io.skitai.smtpda.SmtpdaConfig;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Delivers spooled messages through Jakarta Mail (Angus): one connection per message, the server's
 * certificate and host name checked for SSL and STARTTLS, the password given only to
 * {@code connect} (never put in session properties, never logged).
 */
public final class SmtpSender {

    private final SmtpdaConfig config;
    private final Optional<SSLSocketFactory> tls;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A sender with the daemon's timeouts and trust store. */
    public SmtpSender(SmtpdaConfig config) {
        this.config = config;
        this.tls = config.trustStore().map(f -> socketFactory(f, config.trustStorePassword()));
    }

    /** One delivery attempt of a spooled message to {@code server}. */
    public Outcome send(SmtpServer server, Envelope envelope, byte[] mime) {
        try {
            Session session = session(server);
            SMTPMessage message;
            try (InputStream in = new ByteArrayInputStream(mime)) {
                message = new SMTPMessage(session, in);
            }
            message.setEnvelopeFrom(envelope.sender());
            Address[] rcpt = new Address[envelope.recipients().size()];
            for (int i = 0; i < rcpt.length; i++) {
                rcpt[i] = new InternetAddress(envelope.recipients().get(i), false);
            }
            try (Transport t = session.getTransport("smtp")) {
                t.connect(server.host(), server.port(), server.user().orElse(null), server.password().orElse(null));
                t.sendMessage(message, rcpt);
            }
            return new Outcome.Delivered();
        } catch (MessagingException e) {
            return FailureClassifier.classify(e);
        } catch (java.io.IOException | RuntimeException e) {
            return new Outcome.Transient(FailureClassifier.reason(e));
        }
    }

    private Session session(SmtpServer s) {
        return sessions.computeIfAbsent(s.address() + "/" + s.security() + "/" + s.user().isPresent(), k -> {
            Properties p = new Properties();
            String timeout = Long.toString(config.timeout().toMillis());
            p.setProperty("mail.smtp.connectiontimeout", timeout);
            p.setProperty("mail.smtp.timeout", timeout);
            p.setProperty("mail.smtp.writetimeout", timeout);
            p.setProperty("mail.smtp.auth", Boolean.toString(s.user().isPresent()));
            if (s.security() == Security.SSL) {
                p.setProperty("mail.smtp.ssl.enable", "true");
            } else if (s.security() == Security.STARTTLS) {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            tls.ifPresent(f -> p.put("mail.smtp.ssl.socketFactory", f));
            return Session.getInstance(p);
        });
    }

    private static SSLSocketFactory socketFactory(Path file, Optional<String> password) {
        try {
            char[] pw = password.map(String::toCharArray).orElse(null);
            KeyStore ks = KeyStore.getInstance(file.toFile(), pw);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (Exception e) {
            String why = Files.exists(file) ? e.getClass().getSimpleName() + ": " + e.getMessage() : "the file does not exist";
            throw new IllegalArgumentException(Messages.trustStore(file, why), e);
        }
    }
}
