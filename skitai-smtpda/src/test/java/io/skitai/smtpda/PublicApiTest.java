package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Compiles against smtpda's public API as the README uses it, so a broken signature fails here first. */
class PublicApiTest {

    @SuppressWarnings("unused")
    static String everyForm(Path spool) {
        return Email.of("Hello", "me@example.com", "you@example.com")
                .to("more@example.com").cc("boss@example.com").bcc("archive@example.com").replyTo("help@example.com")
                .setSmtp("smtp.example.com:465", "me", "password", true)
                .addContent("Hello World<div><img src='cid:ID_A'></div>", "text/html")
                .addContent("Hello World", "text/plain")
                .addAttachment(Path.of("001.png"), "ID_A")
                .addAttachment(Path.of("report.pdf"))
                .spool(spool)
                .send();
    }

    @Test
    void anEmailDescribesItselfWithoutItsCredentials() {
        Email e = Email.of("Hello", "me@example.com", "you@example.com").setSmtp("smtp.example.com:465", "me", "secret", true);
        assertThat(e.toString()).contains("Hello").doesNotContain("secret");
    }
}
