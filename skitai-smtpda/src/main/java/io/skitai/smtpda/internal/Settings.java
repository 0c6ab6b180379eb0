package io.skitai.smtpda.internal;

import io.skitai.smtpda.Security;
import io.skitai.smtpda.SmtpServer;
import io.skitai.smtpda.SmtpdaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * smtpda's settings by name, the same names in the {@code [smtpda]} section of the config file
 * and as {@code --name} options. Later sources win: put the file first, then the command line.
 */
public final class Settings {

    /** Every setting name. */
    public static final List<String> NAMES = List.of("spool", "smtp-server", "user", "password", "ssl", "starttls",
            "max-retry", "keep-days", "verbose", "poll-interval", "retry-backoff", "max-backoff", "timeout",
            "trust-store", "trust-store-password");
    /** The settings that are switches ({@code --ssl} alone means true). */
    public static final List<String> FLAGS = List.of("ssl", "starttls", "verbose");

    private record Value(String value, String source) {}

    private final Map<String, Value> values = new LinkedHashMap<>();

    /**
     * Adds settings from {@code source} (a file name or "the command line"), replacing earlier ones.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public Settings putAll(Map<String, String> settings, String source) {
        settings.forEach((k, v) -> {
            if (!NAMES.contains(k)) {
                throw new IllegalArgumentException(Messages.unknownSetting(source, k, NAMES));
            }
            values.put(k, new Value(v, source));
        });
        return this;
    }

    /** Where a setting came from, e.g. for tests and {@code status}. */
    public Optional<String> source(String name) {
        return Optional.ofNullable(values.get(name)).map(Value::source);
    }

    /**
     * The configuration these settings describe, defaults for the rest.
     *
     * @throws IllegalArgumentException naming the setting and its source for a bad value
     */
    public SmtpdaConfig toConfig() {
        SmtpdaConfig.Builder b = SmtpdaConfig.builder();
        text("spool").ifPresent(s -> b.spool(Path.of(s)));
        server().ifPresent(b::smtpServer);
        integer("max-retry").ifPresent(b::maxRetry);
        seconds("keep-days", 86_400).ifPresent(b::keep);
        b.verbose(flag("verbose"));
        seconds("poll-interval", 1).ifPresent(b::pollInterval);
        SmtpdaConfig d = build(b);
        b.retryBackoff(seconds("retry-backoff", 1).orElse(d.retryBackoff()), seconds("max-backoff", 1).orElse(d.maxBackoff()));
        seconds("timeout", 1).ifPresent(b::timeout);
        text("trust-store").ifPresent(t -> b.trustStore(Path.of(t), text("trust-store-password").orElse(null)));
        return build(b);
    }

    private static SmtpdaConfig build(SmtpdaConfig.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.settingsRejected(e.getMessage()), e);
        }
    }

    private Optional<SmtpServer> server() {
        boolean ssl = flag("ssl");
        boolean starttls = flag("starttls");
        if (ssl && starttls) {
            throw bad("starttls", "ssl and starttls exclude each other: ssl is TLS from the start (port 465),"
                    + " starttls upgrades a plain connection (port 587)");
        }
        Optional<String> address = text("smtp-server");
        if (address.isEmpty()) {
            if (text("user").isPresent() || text("password").isPresent()) {
                throw bad(text("user").isPresent() ? "user" : "password", "a login needs smtp-server too");
            }
            return Optional.empty();
        }
        Security security = ssl ? Security.SSL : starttls ? Security.STARTTLS : Security.NONE;
        try {
            return Optional.of(SmtpServer.of(address.get(), text("user").orElse(null), text("password").orElse(null), security));
        } catch (IllegalArgumentException e) {
            throw bad("smtp-server", "give host:port");
        }
    }

    private Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(Value::value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private boolean flag(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return values.containsKey(name);
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(name, "use true or false");
        };
    }

    private Optional<Integer> integer(String name) {
        try {
            return text(name).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            throw bad(name, "not a whole number");
        }
    }

    /** A number of {@code unitSeconds} units (decimals allowed) as a duration. */
    private Optional<Duration> seconds(String name, long unitSeconds) {
        try {
            return text(name).map(Double::parseDouble).map(d -> {
                if (d < 0 || d.isNaN() || d.isInfinite()) {
                    throw bad(name, "must be zero or more");
                }
                return Duration.ofMillis(Math.round(d * unitSeconds * 1000));
            });
        } catch (NumberFormatException e) {
            throw bad(name, "not a number");
        }
    }

    private IllegalArgumentException bad(String name, String reason) {
        Value v = values.get(name);
        String shown = name.contains("password") ? "***" : v == null ? "" : v.value();
        return new IllegalArgumentException(Messages.badSetting(v == null ? "settings" : v.source(), name, shown, reason));
    }
}
