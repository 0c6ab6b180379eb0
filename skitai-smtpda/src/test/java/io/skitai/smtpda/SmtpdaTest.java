package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: config file and options, errors, status. */
class SmtpdaTest {

    @TempDir
    Path dir;

    private Path conf(String text) throws Exception {
        return Files.writeString(dir.resolve("skitai.conf"), text);
    }

    @Test
    void theConfigFileSectionIsReadAsInThePythonDocs() throws Exception {
        Path file = conf("""
                # ~/.skitai.conf
                [other]
                max-retry = 99

                [smtpda]
                verbose = false
                max-retry = 4
                keep-days = 2
                smtp-server = smtp.example.com:465
                user = me
                password = from-file
                ssl = true
                spool = %s
                """.formatted(dir.resolve("spool")));
        SmtpdaConfig c = Smtpda.configure("--config", file.toString());
        assertThat(c.maxRetry()).isEqualTo(4);
        assertThat(c.keep()).isEqualTo(Duration.ofDays(2));
        assertThat(c.verbose()).isFalse();
        assertThat(c.spool()).isEqualTo(dir.resolve("spool"));
        assertThat(c.smtpServer()).hasValue(SmtpServer.of("smtp.example.com:465", "me", "from-file", Security.SSL));
    }

    @Test
    void commandLineOptionsWinOverTheConfigFile() throws Exception {
        Path file = conf("""
                [smtpda]
                max-retry = 4
                keep-days = 2
                smtp-server = smtp.example.com:465
                user = me
                password = from-file
                ssl = true
                verbose = false
                """);
        SmtpdaConfig c = Smtpda.configure("--config", file.toString(), "--max-retry", "7", "--smtp-server=mx.example.org:587",
                "--ssl=false", "--starttls", "--password", "from-cli", "--verbose", "--retry-backoff", "0.25");
        assertThat(c.maxRetry()).isEqualTo(7);
        assertThat(c.keep()).isEqualTo(Duration.ofDays(2));  // not on the command line: the file's
        assertThat(c.verbose()).isTrue();
        assertThat(c.retryBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.smtpServer()).hasValue(SmtpServer.of("mx.example.org:587", "me", "from-cli", Security.STARTTLS));
    }

    @Test
    void defaultsWithoutFileOrOptions() throws Exception {
        SmtpdaConfig c = Smtpda.configure("--config", conf("").toString());
        assertThat(c.maxRetry()).isEqualTo(10);
        assertThat(c.keep()).isEqualTo(Duration.ofDays(1));
        assertThat(c.spool()).isEqualTo(Spool.defaultDirectory());
        assertThat(c.smtpServer()).isEmpty();
    }

    @Test
    void badSettingsSayWhereTheyCameFromAndHideThePassword() throws Exception {
        Path file = conf("[smtpda]\nmax-retry = lots\n");
        assertThatThrownBy(() -> Smtpda.configure("--config", file.toString()))
                .hasMessageContaining("SKITAI-S013").hasMessageContaining("max-retry").hasMessageContaining(file.toString());
        Path typo = conf("[smtpda]\npasword = hunter22\n");
        assertThatThrownBy(() -> Smtpda.configure("--config", typo.toString()))
                .hasMessageContaining("SKITAI-S023 unknown setting 'pasword'").hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> Smtpda.configure("--config", conf("").toString(), "--ssl", "--starttls"))
                .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Smtpda.configure("--config", conf("").toString(), "--user", "me"))
                .hasMessageContaining("a login needs smtp-server");
        assertThatThrownBy(() -> Smtpda.configure("--bogus")).hasMessageContaining("SKITAI-S012");
        assertThatThrownBy(() -> Smtpda.configure("--config", dir.resolve("missing.conf").toString()))
                .hasMessageContaining("SKITAI-S014").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Smtpda.configure("--config", conf("[smtpda]\npoll-interval = 0\n").toString()))
                .hasMessageStartingWith("SKITAI-S024 the settings do not make a valid configuration")
                .hasMessageContaining("poll-interval");
    }

    @Test
    void statusOfAStoppedDaemonExitsThreeWithTheCounts() throws Exception {
        Path spool = dir.resolve("spool");
        Email.of("s", "a@example.com", "b@example.com").spool(spool).send();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Smtpda.run(List.of("status", "--config", conf("").toString(), "--spool", spool.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isEqualTo(Smtpda.NOT_RUNNING).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("smtpda is not running (stopped)").contains("pending: 1")
                .contains("retrying: 0").contains("failed: 0");
    }

    @Test
    void statusOfARunningAgentExitsZeroWithItsPid() throws Exception {
        Path spool = dir.resolve("spool");
        try (DeliveryAgent agent = DeliveryAgent.open(SmtpdaConfig.builder().spool(spool).build())) {
            assertThat(agent.spool().directory()).isEqualTo(spool.toAbsolutePath());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Smtpda.run(List.of("status", "--config", conf("").toString(), "--spool", spool.toString()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("smtpda is running, pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void unknownCommandIsAnError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Smtpda.run(List.of("launch"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SKITAI-S015 unknown command 'launch'");
    }
}
