package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.smtpda.internal.SpoolFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Email#send()}: what it refuses, and what it leaves in the spool. */
class EmailTest {

    @TempDir
    Path dir;

    private Email email() {
        return Email.of("Subject", "me@example.com", "you@example.com").spool(dir);
    }

    @Test
    void sendWritesOneCompleteOwnerOnlyFileIntoTheQueue() throws Exception {
        String id = email().bcc("secret@example.com").setSmtp("smtp.example.com:587", "me", "pw-123", Security.STARTTLS)
                .addContent("Hello", "text/plain").send();
        List<Path> queued;
        try (var files = Files.list(dir.resolve("queue"))) {
            queued = files.toList();
        }
        assertThat(queued).hasSize(1);
        Path file = queued.get(0);
        assertThat(file.getFileName().toString()).isEqualTo(id + ".0.0.msg");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var tmp = Files.list(dir.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
        SpoolFormat.Message m = SpoolFormat.decode(Files.readAllBytes(file));
        assertThat(m.envelope().id()).isEqualTo(id);
        assertThat(m.envelope().sender()).isEqualTo("me@example.com");
        assertThat(m.envelope().recipients()).containsExactly("you@example.com", "secret@example.com");
        assertThat(m.envelope().server()).hasValueSatisfying(s -> {
            assertThat(s.address()).isEqualTo("smtp.example.com:587");
            assertThat(s.password()).contains("pw-123");
            assertThat(s.security()).isEqualTo(Security.STARTTLS);
        });
        String mime = new String(m.mime(), StandardCharsets.UTF_8);
        assertThat(mime).contains("Subject: Subject").contains("To: you@example.com").doesNotContain("secret@example.com");
        assertThat(Spool.at(dir).counts()).isEqualTo(new SpoolCounts(1, 0, 0, 0, 0, 0));
    }

    @Test
    void invalidAddressesFailAtSendNamingTheField() {
        assertThatThrownBy(() -> Email.of("s", "not an address", "you@example.com").spool(dir).send())
                .isInstanceOf(EmailException.class).hasMessageContaining("SKITAI-S002 from address 'not an address' is invalid");
        assertThatThrownBy(() -> email().cc("bob@").send())
                .isInstanceOf(EmailException.class).hasMessageContaining("cc address 'bob@'");
        assertThatThrownBy(() -> email().to("nodomain").send())
                .isInstanceOf(EmailException.class).hasMessageContaining("to address 'nodomain'");
        assertThat(Spool.at(dir).counts().queued()).isZero();
    }

    @Test
    void noRecipientFails() {
        assertThatThrownBy(() -> Email.of("s", "me@example.com").spool(dir).send())
                .isInstanceOf(EmailException.class).hasMessageContaining("SKITAI-S003");
    }

    @Test
    void missingAttachmentFailsWithItsPath() {
        Path missing = dir.resolve("nope.png");
        assertThatThrownBy(() -> email().addAttachment(missing, "ID").send())
                .isInstanceOf(EmailException.class).hasMessageContaining("SKITAI-S004")
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void nonTextBodyAndDuplicateCidFail() throws Exception {
        assertThatThrownBy(() -> email().addContent("{}", "application/json").send())
                .isInstanceOf(EmailException.class).hasMessageContaining("SKITAI-S006");
        Path png = Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> email().addAttachment(png, "X").addAttachment(png, "X").send())
                .isInstanceOf(EmailException.class).hasMessageContaining("SKITAI-S007");
    }

    @Test
    void attachmentBytesAreTakenAtSend() throws Exception {
        Path file = Files.writeString(dir.resolve("note.txt"), "original");
        email().addAttachment(file).send();
        Files.delete(file);
        Path queued;
        try (var files = Files.list(dir.resolve("queue"))) {
            queued = files.findFirst().orElseThrow();
        }
        String mime = new String(SpoolFormat.decode(Files.readAllBytes(queued)).mime(), StandardCharsets.UTF_8);
        assertThat(mime).contains("filename=note.txt").contains("original");
    }

    @Test
    void badServerAddressFailsAtSetSmtp() {
        assertThatThrownBy(() -> email().setSmtp("host:notaport"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKITAI-S001");
    }

    @Test
    void smtpServerNeverShowsItsPassword() {
        SmtpServer s = SmtpServer.of("mail.example.com:465", "me", "hunter22", Security.SSL);
        assertThat(s.toString()).doesNotContain("hunter22").contains("password=***").contains("mail.example.com:465");
        assertThat(email().setSmtp(s).toString()).doesNotContain("hunter22");
    }
}
