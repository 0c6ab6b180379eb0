package io.skitai.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.daemon.RunDirectory;
import io.skitai.core.internal.EngineConfig;
import io.skitai.core.internal.UpstreamTrust;
import io.skitai.core.internal.process.ProcessSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server's configuration, frozen: what a {@link ServerBuilder} collected when it was
 * {@linkplain ServerBuilder#build() built}. A {@link SkitaiServer} starts and restarts with it
 * unchanged. Make one with {@code ServerBuilder.create()...build()} or let
 * {@link SkitaiServer#create(java.util.function.Consumer)} do it.
 */
public final class ServerConfig {

    private final List<Mount> mounts;
    private final Pref pref;
    private final Map<String, Long> maxAges;
    private final EngineConfig.Timeouts timeouts;
    private final EngineConfig.Limits limits;
    private final Optional<EngineConfig.Tls> tls;
    private final Optional<EngineConfig.Forward> forward;
    private final List<String> logOff;
    private final Optional<Path> logDirectory;
    private final Optional<Path> runDirectory;
    private final Map<String, Alias> aliases;
    private final Map<Setting<?>, Object> settings;
    private final UpstreamTrust upstreamTrust;
    private final ProcessSettings processSettings;
    private final List<Sidecar> sidecars;
    private final List<Filter> filters;
    private final ObjectMapper json;

    @SuppressWarnings("checkstyle:ParameterNumber")
    ServerConfig(List<Mount> mounts, Pref pref, Map<String, Long> maxAges, EngineConfig.Timeouts timeouts,
            EngineConfig.Limits limits, Optional<EngineConfig.Tls> tls, Optional<EngineConfig.Forward> forward,
            List<String> logOff, Optional<Path> logDirectory, Optional<Path> runDirectory, Map<String, Alias> aliases,
            Map<Setting<?>, Object> settings, UpstreamTrust upstreamTrust, ProcessSettings processSettings, List<Sidecar> sidecars,
            List<Filter> filters, ObjectMapper json) {
        this.mounts = mounts;
        this.pref = pref;
        this.maxAges = maxAges;
        this.timeouts = timeouts;
        this.limits = limits;
        this.tls = tls;
        this.forward = forward;
        this.logOff = logOff;
        this.logDirectory = logDirectory;
        this.runDirectory = runDirectory;
        this.aliases = aliases;
        this.settings = settings;
        this.upstreamTrust = upstreamTrust;
        this.processSettings = processSettings;
        this.sidecars = sidecars;
        this.filters = filters;
        this.json = json;
    }

    /** The value of {@code setting}, or its default when it was not set. */
    public <T> T setting(Setting<T> setting) {
        Object v = settings.get(setting);
        return v == null ? setting.defaultValue() : setting.cast(v);
    }

    /** The server's JSON mapper. */
    public ObjectMapper json() {
        return json;
    }

    /** The server-level filters, outermost first. */
    public List<Filter> filters() {
        return filters;
    }

    /** The mounts, in mount order. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** The aliases, by name. */
    public Map<String, Alias> aliases() {
        return aliases;
    }

    /** The engine-wide preferences (frozen). */
    public Pref pref() {
        return pref;
    }

    /** The run directory of a server called {@code name}: the one set, or the default for the name. */
    public RunDirectory runDirectory(String name) {
        return runDirectory.map(RunDirectory::at).orElseGet(() -> RunDirectory.defaultFor(name));
    }

    /** How long a graceful stop lets in-flight requests run (30 s). */
    public Duration drainTimeout() {
        return timeouts.drain();
    }

    /** How long idle upstream connections are kept (for was). */
    public Duration backendKeepAlive() {
        return timeouts.backendKeepAlive();
    }

    /** The engine's configuration for one run. */
    EngineConfig engineConfig(Run run) {
        return new EngineConfig(run, mounts, filters, json, pref.copy(), maxAges, timeouts, limits, tls, forward, logOff,
                logDirectory, new EngineConfig.Backends(aliases, upstreamTrust), settings);
    }

    ProcessSettings processSettings() {
        return processSettings;
    }

    List<Sidecar> sidecars() {
        return sidecars;
    }

    @Override
    public String toString() {
        return "ServerConfig(" + mounts.size() + " mounts, " + aliases.size() + " aliases, " + timeouts + ")";
    }
}
