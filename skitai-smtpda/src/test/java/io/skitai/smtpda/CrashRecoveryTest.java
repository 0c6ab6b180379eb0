package io.skitai.smtpda;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once under SIGKILL: 200 messages are spooled, the daemon runs as a real child JVM and is
 * killed (kill -9) at random moments while it delivers, then started again, until the spool is
 * empty. Every message must arrive at least once; the duplicates (delivered, killed before the spool
 * recorded it) are counted and reported, and cannot outnumber the kills.
 */
class CrashRecoveryTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path dir;

    @Test
    void everyMessageArrivesAtLeastOnceWhileTheDaemonIsKilledAtRandom() throws Exception {
        Path spool = dir.resolve("spool");
        Path config = Files.writeString(dir.resolve("skitai.conf"), "[smtpda]\n");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Process> started = new ArrayList<>();
        try (MailServer server = MailServer.smtp()) {
            for (int i = 0; i < MESSAGES; i++) {
                Email.of("crash " + i, "daemon@example.com", "rcpt" + (i % 7) + "@example.com")
                        .spool(spool).addContent("message " + i, "text/plain").send();
            }
            List<String> args = List.of("--config", config.toString(), "--spool", spool.toString(),
                    "--smtp-server", server.address(), "--poll-interval", "0.05", "--retry-backoff", "0.05", "--verbose");
            int kills = 0;
            int runs = 0;
            while (Spool.at(spool).counts().queued() > 0) {
                assertThat(runs).as("daemon runs (seed " + seed + ")").isLessThan(200);
                int before = server.received().size();
                Process p = ChildJvm.fromClassPath(args, dir.resolve("out-" + runs + ".log"), dir.resolve("err-" + runs + ".log")).start();
                started.add(p);
                runs++;
                // kill while it delivers: after 1 to 20 arrivals in this run, plus up to 30 ms
                int target = before + 1 + random.nextInt(20);
                long end = System.currentTimeMillis() + 30_000;
                while (server.received().size() < target && p.isAlive() && System.currentTimeMillis() < end
                        && Spool.at(spool).counts().queued() > 0) {
                    Thread.sleep(2);
                }
                Thread.sleep(random.nextInt(30));
                if (p.isAlive() && Spool.at(spool).counts().queued() > 0) {
                    p.destroyForcibly();  // SIGKILL: no shutdown hook, no cleanup
                    kills++;
                } else {
                    p.destroy();          // all delivered: a normal TERM
                }
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            Map<String, Integer> arrivals = new TreeMap<>();
            for (MimeMessage m : server.received()) {
                arrivals.merge(m.getSubject(), 1, Integer::sum);
            }
            int duplicates = server.received().size() - arrivals.size();
            String report = "smtpda crash test (seed " + seed + "): " + MESSAGES + " messages, " + runs + " daemon runs, "
                    + kills + " SIGKILLs, " + arrivals.size() + " distinct arrived, " + server.received().size()
                    + " deliveries, " + duplicates + " duplicates";
            System.out.println(report);
            Files.writeString(Path.of("target", "smtpda-crash-report.txt"), report + System.lineSeparator());

            for (int i = 0; i < MESSAGES; i++) {
                assertThat(arrivals).as(report).containsKey("crash " + i);
            }
            assertThat(arrivals).hasSize(MESSAGES);
            assertThat(kills).as(report).isGreaterThanOrEqualTo(3);
            assertThat(duplicates).as(report).isLessThanOrEqualTo(kills);
            SpoolCounts counts = Spool.at(spool).counts();
            assertThat(counts).as(report).isEqualTo(new SpoolCounts(0, 0, 0, 0, MESSAGES, 0));
        } finally {
            for (Process p : started) {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
