package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery agent against a real SMTP server (GreenMail) on 127.0.0.1. */
@SuppressWarnings("try")  // some tests close the agent early to stop its loop before asserting
class DeliveryAgentTest {

    @TempDir
    Path dir;

    private SmtpdaConfig.Builder config() {
        return SmtpdaConfig.builder().spool(dir.resolve("spool")).pollInterval(Duration.ofMillis(50))
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200)).timeout(Duration.ofSeconds(5));
    }

    private Email email(String subject) {
        return Email.of(subject, "Sender <sender@example.com>", "rcpt@example.com").spool(dir.resolve("spool"));
    }

    @Test
    void htmlWithTextAlternativeInlineImageAndAttachmentArriveIntact() throws Exception {
        byte[] png = new byte[3000];
        new Random(7).nextBytes(png);
        byte[] pdf = new byte[70_000];
        new Random(8).nextBytes(pdf);
        Path image = Files.write(dir.resolve("001.png"), png);
        Path report = Files.write(dir.resolve("report.pdf"), pdf);
        try (MailServer server = MailServer.smtp(); DeliveryAgent agent = DeliveryAgent.open(config().build())) {
            email("Grüße")
                    .cc("Copy <cc@example.com>")
                    .bcc("hidden@example.com")
                    .replyTo("replies@example.com")
                    .setSmtp(server.address())
                    .addContent("Hello World<div><img src='cid:ID_A'></div>", "text/html")
                    .addContent("Hello World", "text/plain")
                    .addAttachment(image, "ID_A")
                    .addAttachment(report)
                    .send();
            assertThat(agent.deliverDue()).isEqualTo(1);
            assertThat(server.await(3, 5000)).isTrue();

            List<MimeMessage> got = server.received();
            assertThat(got).hasSize(3);  // to, cc and bcc each get the message
            MimeMessage m = got.get(0);
            assertThat(m.getSubject()).isEqualTo("Grüße");
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(m.getHeader("Cc")[0]).contains("cc@example.com");
            assertThat(m.getReplyTo()[0].toString()).isEqualTo("replies@example.com");
            assertThat(m.getContentType()).startsWith("multipart/mixed");
            Multipart mixed = (Multipart) m.getContent();
            Multipart related = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
            Multipart alternative = (Multipart) related.getBodyPart(0).getContent();
            assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Hello World");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("Hello World<div><img src='cid:ID_A'></div>");
            MimeBodyPart inline = (MimeBodyPart) related.getBodyPart(1);
            assertThat(inline.getContentID()).isEqualTo("<ID_A>");
            assertThat(inline.getDisposition()).isEqualTo(Part.INLINE);
            assertThat(inline.getContentType()).startsWith("image/png");
            assertThat(bytes(inline)).isEqualTo(png);
            MimeBodyPart attachment = (MimeBodyPart) mixed.getBodyPart(1);
            assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(attachment.getFileName()).isEqualTo("report.pdf");
            assertThat(bytes(attachment)).isEqualTo(pdf);
            assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 0, 1, 0));
        }
    }

    @Test
    void authenticatesOverSslWithTheServerCertificateVerified() throws Exception {
        try (MailServer server = MailServer.smtps().user("rcpt@example.com", "alice", "s3cret-pw");
                DeliveryAgent agent = DeliveryAgent.open(config().trustStore(MailServer.trustStore(), MailServer.STORE_PASSWORD).build())) {
            email("over TLS").setSmtp(server.address(), "alice", "s3cret-pw", true).addContent("secret", "text/plain").send();
            agent.deliverDue();
            assertThat(server.await(1, 5000)).isTrue();
            assertThat(server.received().get(0).getSubject()).isEqualTo("over TLS");
            assertThat(agent.spool().counts().sent()).isEqualTo(1);
        }
    }

    @Test
    void wrongPasswordIsPermanentFailureWithTheReply() throws Exception {
        try (MailServer server = MailServer.smtps().user("rcpt@example.com", "alice", "right-pw");
                DeliveryAgent agent = DeliveryAgent.open(config().trustStore(MailServer.trustStore(), MailServer.STORE_PASSWORD).build())) {
            String id = email("refused").setSmtp(server.address(), "alice", "wrong-pw", true).send();
            agent.deliverDue();
            assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 1, 0, 0));
            assertThat(failureReason(id)).contains("535").contains("Authentication").doesNotContain("wrong-pw");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void untrustedCertificateIsNotDeliveredButRetried() throws Exception {
        try (MailServer server = MailServer.smtps(); DeliveryAgent agent = DeliveryAgent.open(config().build())) {
            email("mitm?").setSmtp(server.address(), null, null, true).send();
            agent.deliverDue();
            assertThat(server.received()).isEmpty();
            assertThat(agent.spool().counts().retrying()).isEqualTo(1);
        }
    }

    @Test
    void starttlsRequiredButNotOfferedFailsInsteadOfSendingInClear() throws Exception {
        try (MailServer server = MailServer.smtp(); DeliveryAgent agent = DeliveryAgent.open(config().build())) {
            String id = email("clear?").setSmtp(server.address(), "alice", "pw-in-clear", Security.STARTTLS).send();
            agent.deliverDue();
            assertThat(server.received()).isEmpty();
            assertThat(failureReason(id)).contains("STARTTLS");
        }
    }

    @Test
    void serverDownIsRetriedAndDeliveredOnceItIsBack() throws Exception {
        int port = MailServer.freePort();
        try (DeliveryAgent agent = DeliveryAgent.open(config().build())) {
            email("later").setSmtp("127.0.0.1:" + port).send();
            Thread loop = Thread.ofPlatform().start(agent::run);
            awaitTrue(() -> retryAttempts() >= 2, 5000);  // two refused connections, backing off
            try (MailServer server = MailServer.smtpOn(port)) {
                assertThat(server.await(1, 5000)).isTrue();
                awaitTrue(() -> agent.spool().counts().sent() == 1, 5000);
                MailServer.sleep(300);  // a few more polls: nothing is sent twice
                assertThat(server.received()).hasSize(1);
                assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 0, 1, 0));
            }
            agent.close();
            loop.join(5000);
            assertThat(loop.isAlive()).isFalse();
        }
    }

    @Test
    void exhaustedRetriesMoveTheMessageToFailedWithTheLastReason() throws Exception {
        int port = MailServer.freePort();
        try (DeliveryAgent agent = DeliveryAgent.open(config().maxRetry(2).build())) {
            String id = email("never").setSmtp("127.0.0.1:" + port).send();
            Thread loop = Thread.ofPlatform().start(agent::run);
            awaitTrue(() -> agent.spool().counts().failed() == 1, 5000);
            agent.close();
            loop.join(5000);
            assertThat(failureReason(id)).contains("gave up after 3 attempts").contains("Connection refused");
            assertThat(agent.spool().counts().queued()).isZero();
        }
    }

    @Test
    void aMessageWithoutServerUsesTheDaemonDefaultOrFails() throws Exception {
        try (MailServer server = MailServer.smtp()) {
            try (DeliveryAgent agent = DeliveryAgent.open(config().build())) {
                String id = email("nowhere").send();
                agent.deliverDue();
                assertThat(failureReason(id)).contains("SKITAI-S009");
            }
            try (DeliveryAgent agent = DeliveryAgent.open(config().smtpServer(SmtpServer.of(server.address(), Security.NONE)).build())) {
                email("default").send();
                agent.deliverDue();
                assertThat(server.await(1, 5000)).isTrue();
                assertThat(server.received().get(0).getSubject()).isEqualTo("default");
            }
        }
    }

    @Test
    void oneAgentPerSpool() {
        try (DeliveryAgent agent = DeliveryAgent.open(config().build())) {
            assertThatThrownBy(() -> DeliveryAgent.open(config().build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKITAI-S010");
            assertThat(agent.spool().daemonPid()).contains(ProcessHandle.current().pid());
        }
        assertThat(Spool.at(dir.resolve("spool")).daemonPid()).isEmpty();
    }

    @Test
    void passwordsNeverReachTheLog() throws Exception {
        String defaultPassword = "default-Pa55word";
        String messagePassword = "message-Pa55word";
        int down = MailServer.freePort();
        try (LogCapture log = new LogCapture();
                MailServer server = MailServer.smtps().user("rcpt@example.com", "alice", messagePassword);
                DeliveryAgent agent = DeliveryAgent.open(config().verbose(true).maxRetry(1)
                        .smtpServer(SmtpServer.of("127.0.0.1:" + down, "bob", defaultPassword, Security.STARTTLS))
                        .trustStore(MailServer.trustStore(), MailServer.STORE_PASSWORD).build())) {
            email("ok").setSmtp(server.address(), "alice", messagePassword, true).send();
            email("bad login").setSmtp(server.address(), "alice", defaultPassword, true).send();
            email("via default, down").send();
            Thread loop = Thread.ofPlatform().start(agent::run);
            awaitTrue(() -> agent.spool().counts().queued() == 0, 5000);
            agent.close();
            loop.join(5000);
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            Smtpda.status(agent.config(), new java.io.PrintStream(status, true, StandardCharsets.UTF_8));

            assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 2, 1, 0));
            List<String> lines = new java.util.ArrayList<>(log.lines());
            lines.add(status.toString(StandardCharsets.UTF_8));
            lines.add(agent.config().toString());
            for (Path reason : Files.newDirectoryStream(dir.resolve("spool/failed"), "*.reason")) {
                lines.add(Files.readString(reason));
            }
            assertThat(log.lines()).anyMatch(l -> l.contains("sent")).anyMatch(l -> l.contains("failed"));
            for (String secret : List.of(defaultPassword, messagePassword, MailServer.STORE_PASSWORD)) {
                String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
                assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(secret).doesNotContain(b64));
            }
        }
    }

    private String failureReason(String id) throws Exception {
        return Files.readString(dir.resolve("spool/failed/" + id + ".reason"));
    }

    private int retryAttempts() {
        try (var files = Files.list(dir.resolve("spool/queue"))) {
            return files.map(f -> f.getFileName().toString().split("\\.")).mapToInt(p -> Integer.parseInt(p[1])).max().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    static void awaitTrue(BooleanSupplier condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            MailServer.sleep(20);
        }
    }

    private static byte[] bytes(Part p) throws Exception {
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
