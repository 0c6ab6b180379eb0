package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.StatusDashboard;
import io.skitai.testkit.HeadlessChromium;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The status dashboard in a real browser: headless Chromium opens it, it renders (title, this
 * process's worker row, the upstream members), and while a load runs the total it shows rises
 * from poll to poll, the requests/s figure turns positive and the chart gains points; a screenshot
 * is saved as {@code target/status-dashboard.png}. Skipped when Debian's chromium is not installed
 * ({@code .ci/run} installs it).
 */
class StatusDashboardBrowserTest {

    /** Generous: the page polls every second; a slow machine may take longer. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOTAL = "document.getElementById('total-requests').textContent";

    @Test
    void theDashboardRendersAndFollowsALoad() {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.unavailableReason());
        StatusDashboardTest.withUpstream(port -> TestKit.serve(StatusDashboardTest.server(port, StatusDashboard.at("/status")), cli -> {
            assertThat(cli.get("/call").status()).as("an upstream call, so the upstream table has rows").isEqualTo(200);
            try (HeadlessChromium chromium = HeadlessChromium.launch()) {
                HeadlessChromium.Page page = chromium.open(cli.baseUrl() + "/status");
                page.awaitText("document.title", "status", WAIT);
                page.awaitText("document.getElementById('state').textContent", "live", WAIT);
                long pid = ProcessHandle.current().pid();
                String row = page.await("(document.querySelector('#workers tr[data-pid=\"" + pid + "\"]') || {}).textContent || ''",
                        v -> !v.isEmpty(), "the worker row of pid " + pid, WAIT);
                assertThat(row).contains(String.valueOf(pid)).contains("serving");
                String upstreams = page.awaitText("document.getElementById('upstreams').textContent", "@gone", WAIT);
                assertThat(upstreams).contains("@up").contains("127.0.0.1:" + port).contains("ok").contains("failing");
                assertThat(page.eval("document.getElementById('cache').textContent")).contains("result cache");

                long before = Long.parseLong(page.await(TOTAL, v -> v.matches("\\d+"), "a request total", WAIT));
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicLong sent = new AtomicLong();
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    load.add(Thread.ofVirtual().name("load-" + i).start(() -> {
                        while (loading.get()) {
                            cli.get("/ok");
                            sent.incrementAndGet();
                        }
                    }));
                }
                try {
                    long first = Long.parseLong(page.await(TOTAL, v -> v.matches("\\d+") && Long.parseLong(v) > before,
                            "a total above " + before, WAIT));
                    long second = Long.parseLong(page.await(TOTAL, v -> v.matches("\\d+") && Long.parseLong(v) > first,
                            "a total above " + first, WAIT));
                    assertThat(second).isGreaterThan(first).isGreaterThan(before);
                    page.await("document.getElementById('rps').textContent", v -> v.matches("[0-9.]+") && Double.parseDouble(v) > 0,
                            "a positive requests/s", WAIT);
                    page.await("document.getElementById('rps-chart').dataset.points", v -> v.matches("\\d+") && Integer.parseInt(v) >= 5,
                            "five points on the chart", WAIT);
                    String totals = page.eval("window.skitaiDashboard.samples.map(s => s.total).join(',')");
                    long[] seen = Arrays.stream(totals.split(",")).mapToLong(Long::parseLong).toArray();
                    assertThat(seen).as("the totals the page drew, poll after poll").isSorted();
                    assertThat(seen[seen.length - 1]).isGreaterThan(seen[0]);
                    assertThat(page.eval("window.skitaiDashboard.samples.some(s => s.rps > 0)")).isEqualTo("true");
                    assertThat(page.eval("window.skitaiDashboard.samples.some(s => s.p50 > 0)")).isEqualTo("true");

                    Path shot = page.screenshot(Path.of("target", "status-dashboard.png"));
                    byte[] png = Files.readAllBytes(shot);
                    assertThat(png.length).isGreaterThan(1000);
                    assertThat(Arrays.copyOf(png, 8)).as("a PNG signature")
                            .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
                } finally {
                    loading.set(false);
                    for (Thread t : load) {
                        t.join();
                    }
                }
                assertThat(sent.get()).isPositive();
            }
        }));
    }
}
