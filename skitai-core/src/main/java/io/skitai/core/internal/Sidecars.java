package io.skitai.core.internal;

import io.skitai.core.Run;
import io.skitai.core.Sidecar;
import io.skitai.core.SidecarContext;
import io.skitai.core.StartupException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.net.ssl.KeyManagerFactory;

/** The servers of other protocols attached to one engine: started after its listeners, stopped in reverse. */
final class Sidecars {

    private static final System.Logger LOG = System.getLogger("io.skitai.core");

    private final List<Sidecar> sidecars;
    /** The sidecars started so far, in start order; stopped in reverse. */
    private final List<Sidecar> started = new ArrayList<>();

    Sidecars(List<Sidecar> sidecars) {
        this.sidecars = List.copyOf(sidecars);
    }

    /** Starts every sidecar on the engine's address, limits and key; a failure is a one-line StartupException. */
    void start(EngineConfig config, Optional<KeyManagerFactory> keyManagers) {
        if (sidecars.isEmpty()) {
            return;
        }
        Run run = config.run();
        SidecarContext context = new SidecarContext(run.address(), keyManagers, TlsContexts.PROTOCOLS,
                config.timeouts().header(), config.timeouts().keepAlive(), config.limits().maxConcurrentStreams(),
                config.limits().maxHeaderBytes());
        for (Sidecar sidecar : sidecars) {
            int bound;
            try {
                bound = sidecar.start(context);
            } catch (IOException e) {
                started.add(sidecar); // whatever it bound before failing is released with the rest
                throw bindFailure(run.address(), sidecar, e);
            } catch (StartupException e) {
                started.add(sidecar);
                throw e;
            } catch (RuntimeException e) {
                started.add(sidecar);
                throw new StartupException(Messages.sidecarFailed(sidecar.name(), String.valueOf(e.getMessage())), e);
            }
            started.add(sidecar);
            LOG.log(Level.INFO, "{0} serving {1} on {2}:{3,number,#}{4}", run.name(), sidecar.name(), run.address(),
                    bound, keyManagers.isEmpty() ? "" : " with TLS");
        }
    }

    /** Stops accepting new calls on every started sidecar (the first step of a graceful stop). */
    void stopAccepting() {
        for (Sidecar sidecar : started) {
            try {
                sidecar.stopAccepting();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the " + sidecar.name() + " server failed to stop accepting", e);
            }
        }
    }

    /** Stops the started sidecars in reverse order, each with {@code leftNanos} of drain time left. */
    void stop(LongSupplier leftNanos) {
        for (int i = started.size() - 1; i >= 0; i--) {
            Sidecar sidecar = started.get(i);
            try {
                sidecar.stop(Duration.ofNanos(Math.max(0, leftNanos.getAsLong())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the " + sidecar.name() + " server failed to stop cleanly", e);
            }
        }
        started.clear();
    }

    private static StartupException bindFailure(String address, Sidecar sidecar, IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException be) {
                if (String.valueOf(be.getMessage()).contains("in use")) {
                    return new StartupException(Messages.sidecarPortInUse(sidecar.name(), address, sidecar.port()), e);
                }
                return new StartupException(Messages.sidecarCannotBind(sidecar.name(), address, sidecar.port(),
                        String.valueOf(be.getMessage())), e);
            }
        }
        return new StartupException(Messages.sidecarCannotBind(sidecar.name(), address, sidecar.port(),
                String.valueOf(e.getMessage())), e);
    }
}
