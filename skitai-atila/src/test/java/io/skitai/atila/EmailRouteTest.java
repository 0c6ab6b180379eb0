package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.smtpda.Spool;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code was.email(..)} from a route spools the message for smtpda and returns at once. */
class EmailRouteTest {

    @TempDir
    static Path spool;

    public static class Views {
        @Route("/welcome/{name}")
        public String welcome(Was was, String name) {
            return was.email("Welcome " + name, "site@example.com", name + "@example.com")
                    .addContent("<b>Welcome</b>", "text/html")
                    .addContent("Welcome", "text/plain")
                    .spool(spool)
                    .send();
        }
    }

    @Test
    void aRouteSpoolsAnEmailThroughWas() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Views()));
        TestKit.serve(server, cli -> {
            var r = cli.get("/welcome/hans");
            assertThat(r.status()).isEqualTo(200);
            String id = r.text();
            assertThat(Spool.at(spool).counts().pending()).isEqualTo(1);
            assertThat(Files.exists(spool.resolve("queue/" + id + ".0.0.msg"))).isTrue();
            assertThat(Files.readString(spool.resolve("queue/" + id + ".0.0.msg"))).contains("Subject: Welcome hans")
                    .contains("hans@example.com");
        });
    }
}
