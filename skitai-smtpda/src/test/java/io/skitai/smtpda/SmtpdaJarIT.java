package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged daemon, run as the README says: {@code java -jar skitai-smtpda/target/skitai-smtpda.jar ...}. */
class SmtpdaJarIT {

    private static final Path JAR = Path.of("target", "skitai-smtpda.jar");

    @TempDir
    Path dir;

    @Test
    void statusOfAStoppedDaemonSaysSoAndExitsNonZero() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        ChildJvm.Result r = ChildJvm.runJar(JAR, List.of("status", "--config", emptyConfig().toString(), "--spool", spool.toString()));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("smtpda is not running (stopped)").contains("pending: 0").contains("failed: 0");
    }

    @Test
    void startDeliversThenStatusAndStop() throws Exception {
        Path spool = dir.resolve("spool");
        try (MailServer server = MailServer.smtp().user("b@example.com", "u", "jar-Secret-1")) {
            List<String> options = List.of("--config", emptyConfig().toString(), "--spool", spool.toString(),
                    "--smtp-server", server.address(), "--password", "jar-Secret-1", "--user", "u", "--poll-interval", "0.1");
            try {
                ChildJvm.Result start = ChildJvm.runJar(JAR, with("start", options));
                assertThat(start.exit()).as(start.err()).isZero();
                assertThat(start.out()).contains("smtpda started, pid");

                Email.of("from the daemon", "a@example.com", "b@example.com").spool(spool).addContent("hi", "text/plain").send();
                assertThat(server.await(1, 20_000)).isTrue();
                assertThat(server.received().get(0).getSubject()).isEqualTo("from the daemon");

                ChildJvm.Result status = ChildJvm.runJar(JAR, with("status", options));
                assertThat(status.exit()).isZero();
                assertThat(status.out()).contains("smtpda is running, pid").doesNotContain("jar-Secret-1");

                ChildJvm.Result restart = ChildJvm.runJar(JAR, with("restart", options));
                assertThat(restart.exit()).as(restart.err()).isZero();
                assertThat(restart.out()).contains("stopped (pid").contains("smtpda started, pid");
                Email.of("after restart", "a@example.com", "b@example.com").spool(spool).addContent("hi", "text/plain").send();
                assertThat(server.await(2, 20_000)).isTrue();
            } finally {
                ChildJvm.Result stop = ChildJvm.runJar(JAR, with("stop", options));
                assertThat(stop.exit()).as(stop.err()).isZero();
            }
            ChildJvm.Result after = ChildJvm.runJar(JAR, with("status", options));
            assertThat(after.exit()).isEqualTo(3);
            Path logs = spool.resolve("run");
            assertThat(Files.readString(logs.resolve("stderr.log"))).contains("delivering from").doesNotContain("jar-Secret-1");
        }
    }

    private Path emptyConfig() throws Exception {
        return Files.writeString(dir.resolve("skitai.conf"), "[smtpda]\n");
    }

    private static List<String> with(String command, List<String> options) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(options);
        return all;
    }
}
