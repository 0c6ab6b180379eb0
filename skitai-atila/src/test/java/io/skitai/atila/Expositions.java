package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks a Prometheus exposition with Prometheus's own tools: {@code promtool check metrics}
 * (Debian's {@code prometheus} package) and the official Python client's parser
 * ({@code prometheus_client.parser}); {@code .ci/run} installs both.
 */
final class Expositions {

    /** Parses the exposition on stdin and prints each request count's worker, route, status and value. */
    private static final String PARSER = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    if s.name == "skitai_http_requests_seconds_count":
                        print(s.labels.get("worker", "-"), s.labels["route"], s.labels["status"], int(s.value))
                    elif s.name.startswith("skitai_workers_"):
                        print(s.labels.get("worker", "-"), s.name, int(s.value))
            """;

    private Expositions() {}

    /**
     * {@code promtool check metrics} parses {@code exposition} (exit 1 and "parsing error"
     * otherwise) and finds no lint problem in Skitai's own {@code skitai_*} meters. Its style
     * findings on Micrometer's JVM binders ({@code system_cpu_count} ends in {@code _count})
     * are Micrometer's names, exit 3, and allowed.
     */
    static void assertPromtoolAccepts(String exposition) throws Exception {
        Assumptions.assumeTrue(TestKit.commandSucceeds("promtool", "--version"), "promtool is missing (.ci/run installs Debian's prometheus)");
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool check metrics: " + out).isIn(0, 3);
        assertThat(out).as("promtool check metrics").doesNotContain("error").doesNotContain("skitai_");
    }

    /** The lines {@link #PARSER} prints for {@code exposition}: "worker route status count" and "worker gauge value". */
    static List<String> parsed(String exposition) throws Exception {
        Assumptions.assumeTrue(TestKit.commandSucceeds("python3", "-c", "import prometheus_client.parser"),
                "python3 with prometheus_client is missing (.ci/run installs it)");
        return run(exposition, "python3", "-c", PARSER).lines().toList();
    }

    private static String run(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

}
