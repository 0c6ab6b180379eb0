package io.skitai.core.internal;

import io.skitai.core.Alias;
import io.skitai.core.Mount;
import io.skitai.core.Pref;
import io.skitai.core.Run;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the engine was configured with, frozen when it starts. */
public record EngineConfig(
        Run run,
        List<Mount> mounts,
        List<io.skitai.core.Filter> filters,
        com.fasterxml.jackson.databind.ObjectMapper json,
        Pref pref,
        Map<String, Long> maxAges,
        Timeouts timeouts,
        Limits limits,
        Optional<Tls> tls,
        Optional<Forward> forward,
        List<String> logOff,
        Optional<Path> logDirectory,
        Backends backends,
        Map<io.skitai.core.Setting<?>, Object> settings) {

    /** Connection timeouts. */
    public record Timeouts(Duration keepAlive, Duration request, Duration header, Duration backendKeepAlive,
            Duration drain) {

        /** Python's defaults (keep-alive and request 30 s, backend keep-alive 10 s); headers in 10 s. */
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30));

        /** Checks every value is positive. */
        public Timeouts {
            for (Duration d : List.of(keepAlive, request, header, backendKeepAlive, drain)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("timeouts must be positive, got " + d);
                }
            }
        }

        public Timeouts withKeepAlive(Duration d) {
            return new Timeouts(d, request, header, backendKeepAlive, drain);
        }

        public Timeouts withRequest(Duration d) {
            return new Timeouts(keepAlive, d, header, backendKeepAlive, drain);
        }

        public Timeouts withHeader(Duration d) {
            return new Timeouts(keepAlive, request, d, backendKeepAlive, drain);
        }

        public Timeouts withBackendKeepAlive(Duration d) {
            return new Timeouts(keepAlive, request, header, d, drain);
        }
    }

    /** Request-line, header, body-rate and HTTP/2 limits. */
    public record Limits(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, int maxConcurrentStreams,
            long minBodyRate) {

        /** 8 KiB request line, 32 KiB and 100 header fields, 100 HTTP/2 streams, bodies at 1 KiB/s. */
        public static final Limits DEFAULTS = new Limits(8 * 1024, 32 * 1024, 100, 100, 1024);

        /** Checks every value is positive. */
        public Limits {
            if (maxRequestLine <= 0 || maxHeaderBytes <= 0 || maxHeaderCount <= 0 || maxConcurrentStreams <= 0
                    || minBodyRate <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        public Limits withHeaders(int line, int bytes, int count) {
            return new Limits(line, bytes, count, maxConcurrentStreams, minBodyRate);
        }

        public Limits withStreams(int streams) {
            return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, streams, minBodyRate);
        }

        public Limits withMinBodyRate(long bytesPerSecond) {
            return new Limits(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxConcurrentStreams, bytesPerSecond);
        }

        /** The hard cap Undertow's parser enforces (400 and close) above the soft 414/431 checks. */
        public int parserCap() {
            return 2 * (maxRequestLine + maxHeaderBytes);
        }
    }

    /** PEM certificate chain and private key (optionally encrypted). */
    public record Tls(Path certificate, Path privateKey, Optional<String> passphrase) {

        /** Never shows the passphrase, only whether there is one. */
        @Override
        public String toString() {
            return "Tls[certificate=" + certificate + ", privateKey=" + privateKey + ", passphrase="
                    + (passphrase.isPresent() ? "(given)" : "(none)") + "]";
        }
    }

    /** Upstream settings shared by was and the proxy: the aliases by name and what HTTPS calls trust. */
    public record Backends(Map<String, Alias> aliases, UpstreamTrust trust) {

        /** Freezes the aliases. */
        public Backends {
            aliases = Map.copyOf(aliases);
        }
    }

    /** Plain-HTTP listener that redirects to HTTPS. */
    public record Forward(int httpPort, int httpsPort) {}
}
