package io.skitai.core;

import io.skitai.core.internal.EndpointGuard;
import io.skitai.core.internal.Networks;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server's live status page ({@code was.status()} as a dashboard), served by the engine itself
 * at a path of its own; off by default, and open only to the networks it allows (loopback unless
 * told otherwise; the client found as {@link TrustedProxies} says, 403 to others):
 *
 * <pre>{@code
 * Skitai.enableStatusDashboard(StatusDashboard.at("/status").allowFrom("127.0.0.0/8", "10.0.0.0/8"));
 * }</pre>
 *
 * <p>{@code GET /status} is an HTML page that polls {@code GET /status/status.json} every second
 * and draws requests per second, latency percentiles (p50, p95, p99 over the last minute), 4xx and
 * 5xx counts, the workers (pid, state, uptime, requests, connections), restarts, the upstream
 * members with their calls, failures and health, and the result cache. Its script and style sheet
 * ship in skitai-core's jar: no CDN, nothing fetched from elsewhere. {@code status.json} is there
 * for scripts too. Other paths under it are 404; methods other than {@code GET} and {@code HEAD}
 * 405. The path belongs to the dashboard: a mount at or under it fails the start.
 *
 * <p>Latency and status counts are recorded with Micrometer ({@code io.micrometer:micrometer-core},
 * which the program adds): into the registry of {@link Metrics} when metrics are on (an extra timer,
 * {@code skitai.http.latency}, publishing its percentiles), else into a private registry of the
 * engine. The dashboard's own requests are not counted. With {@code workers(n)} the worker that
 * answers {@code status.json} asks the others for their figures over the {@link WorkerChannel}
 * (each worker's, and totals); a worker silent for {@link #gatherWait()} is left out and counted in
 * {@code unanswered}.
 */
public final class StatusDashboard {

    /** No dashboard. */
    public static final StatusDashboard OFF = new StatusDashboard("", List.of(), Duration.ofSeconds(1));

    /** Where the server's configuration keeps it ({@link ServerBuilder#enableStatusDashboard}). */
    public static final Setting<StatusDashboard> SETTING = Setting.of("core.statusDashboard", StatusDashboard.class, OFF);

    /** Path segments of letters, digits and {@code -._~}, never {@code .} or {@code ..} alone. */
    private static final Pattern PATH = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)+");

    private final String path;
    private final List<String> allowed;
    private final Duration gatherWait;

    private StatusDashboard(String path, List<String> allowed, Duration gatherWait) {
        this.path = path;
        this.allowed = List.copyOf(allowed);
        this.gatherWait = gatherWait;
    }

    /**
     * The dashboard at {@code path} (e.g. {@code "/status"}; a trailing slash is dropped), open to
     * loopback clients.
     *
     * @throws IllegalArgumentException for the root or a path that is not plain segments of letters,
     *                                  digits and {@code -._~}
     */
    public static StatusDashboard at(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!PATH.matcher(p).matches()) {
            throw new IllegalArgumentException("the status dashboard's path is one or more segments of letters, digits and"
                    + " -._~ below the root, like /status; got '" + path + "'");
        }
        return new StatusDashboard(p, EndpointGuard.LOOPBACK, Duration.ofSeconds(1));
    }

    /**
     * The same dashboard open to clients in {@code cidrs} instead (e.g. {@code "10.0.0.0/8"},
     * {@code "::1"}).
     *
     * @throws IllegalArgumentException naming an entry that is not a literal address or network
     */
    public StatusDashboard allowFrom(String... cidrs) {
        List<String> list = List.of(cidrs);
        Networks.of(list);
        return new StatusDashboard(path, list, gatherWait);
    }

    /** The same dashboard waiting at most {@code wait} (0 to 1 minute) for the other workers' figures. */
    public StatusDashboard gatherWait(Duration wait) {
        if (wait.isNegative() || wait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("gatherWait must be between 0 and 1 minute: " + wait);
        }
        return new StatusDashboard(path, allowed, wait);
    }

    /** Whether the dashboard is on. */
    public boolean enabled() {
        return !path.isEmpty();
    }

    /** Its path, without trailing slash ({@code ""} when off). */
    public String path() {
        return path;
    }

    /** The networks whose clients it answers. */
    public List<String> allowedNetworks() {
        return allowed;
    }

    /** How long {@code status.json} waits for the other workers' figures. */
    public Duration gatherWait() {
        return gatherWait;
    }

    @Override
    public String toString() {
        return enabled() ? "StatusDashboard(" + path + ", " + allowed + ")" : "StatusDashboard[off]";
    }
}
