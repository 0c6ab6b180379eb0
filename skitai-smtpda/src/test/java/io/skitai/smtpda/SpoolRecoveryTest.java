package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.smtpda.internal.SpoolFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent does with what a crash or a stranger left in the spool. */
class SpoolRecoveryTest {

    @TempDir
    Path dir;

    private Path spool() {
        return dir.resolve("spool");
    }

    private SmtpdaConfig config(MailServer server) {
        return SmtpdaConfig.builder().spool(spool()).smtpServer(SmtpServer.of(server.address(), Security.NONE))
                .pollInterval(Duration.ofMillis(50)).build();
    }

    private Path sendOne(String subject) throws Exception {
        String id = Email.of(subject, "a@example.com", "b@example.com").spool(spool()).send();
        return spool().resolve("queue/" + id + ".0.0.msg");
    }

    @Test
    void corruptFilesAreQuarantinedNeverDeliveredAndTheOthersStillGo() throws Exception {
        try (MailServer server = MailServer.smtp()) {
            Path truncated = sendOne("truncated");
            byte[] whole = Files.readAllBytes(truncated);
            Files.write(truncated, Arrays.copyOf(whole, whole.length - 10));
            Path altered = sendOne("altered");
            byte[] bytes = Files.readAllBytes(altered);
            bytes[bytes.length - 3] ^= 1;
            Files.write(altered, bytes);
            Path empty = sendOne("empty");
            Files.write(empty, new byte[0]);
            Files.writeString(spool().resolve("queue/notes.txt"), "not a spool file");
            sendOne("good");

            try (DeliveryAgent agent = DeliveryAgent.open(config(server))) {
                agent.deliverDue();
                assertThat(server.await(1, 5000)).isTrue();
                assertThat(server.received()).extracting(m -> m.getSubject()).containsExactly("good");
                assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 0, 1, 4));
            }
            assertThat(Files.readString(spool().resolve("quarantine/" + truncated.getFileName() + ".reason")))
                    .contains("truncated or half-written");
            assertThat(Files.readString(spool().resolve("quarantine/" + altered.getFileName() + ".reason")))
                    .contains("checksum mismatch");
            assertThat(Files.readString(spool().resolve("quarantine/notes.txt.reason"))).contains("unexpected file name");
        }
    }

    @Test
    void aMessageLeftMidDeliveryIsPutBackAndDelivered() throws Exception {
        Path queued = sendOne("interrupted");
        Files.move(queued, spool().resolve("sending/" + queued.getFileName()));  // what a crash mid-delivery leaves
        try (MailServer server = MailServer.smtp(); DeliveryAgent agent = DeliveryAgent.open(config(server))) {
            assertThat(agent.spool().counts().retrying()).isEqualTo(1);  // the interrupted attempt counts
            agent.deliverDue();
            assertThat(server.await(1, 5000)).isTrue();
            assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 0, 1, 0));
        }
    }

    @Test
    void staleHalfWrittenTemporaryFilesAreQuarantined() throws Exception {
        Path queued = sendOne("whole");
        byte[] half = Arrays.copyOf(Files.readAllBytes(queued), 40);
        Path stale = Files.write(spool().resolve("tmp/x.0.0.msg.1.tmp"), half);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.write(spool().resolve("tmp/y.0.0.msg.2.tmp"), half);  // a sender writing right now
        try (MailServer server = MailServer.smtp(); DeliveryAgent agent = DeliveryAgent.open(config(server))) {
            agent.deliverDue();
            assertThat(server.await(1, 5000)).isTrue();
            assertThat(Files.exists(stale)).isFalse();
            assertThat(Files.exists(fresh)).isTrue();
            assertThat(Files.readString(spool().resolve("quarantine/x.0.0.msg.1.tmp.reason"))).contains("SKITAI-S022");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void deliveredAndFailedMessagesGoAfterKeepDays() throws Exception {
        try (MailServer server = MailServer.smtp()) {
            sendOne("sent long ago");
            Email.of("failed long ago", "a@example.com", "b@example.com").spool(spool()).setSmtp("127.0.0.1:" + MailServer.freePort())
                    .send();
            try (DeliveryAgent agent = DeliveryAgent.open(config(server).toBuilder().maxRetry(0).build())) {
                agent.deliverDue();
                assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 1, 1, 0));
            }
            Instant old = Instant.now().minus(Duration.ofDays(1)).minusSeconds(60);
            for (String folder : List.of("sent", "failed")) {
                try (var files = Files.list(spool().resolve(folder))) {
                    for (Path f : files.toList()) {
                        Files.setLastModifiedTime(f, FileTime.from(old));
                    }
                }
            }
            sendOne("recent");
            try (DeliveryAgent agent = DeliveryAgent.open(config(server))) {
                agent.deliverDue();
                assertThat(agent.spool().counts()).isEqualTo(new SpoolCounts(0, 0, 0, 0, 1, 0));
            }
            try (var files = Files.list(spool().resolve("failed"))) {
                assertThat(files).isEmpty();  // the reason file went with its message
            }
        }
    }

    @Test
    void aQueuedFileDecodesToWhatWasSent() throws Exception {
        Path queued = sendOne("round trip");
        SpoolFormat.Message m = SpoolFormat.decode(Files.readAllBytes(queued));
        assertThat(m.envelope().recipients()).containsExactly("b@example.com");
        assertThat(new String(m.mime(), java.nio.charset.StandardCharsets.UTF_8)).contains("Subject: round trip");
    }
}
