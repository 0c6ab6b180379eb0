package io.skitai.core.internal.cachefs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.skitai.core.CacheControl;
import io.skitai.core.Cachefs;
import io.skitai.core.SharedCache;
import io.skitai.core.UpstreamClient;
import io.skitai.core.internal.process.ProcessRole;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cache file system of one engine ({@link SharedCache}): a memory tier (Caffeine, bounded by
 * weight in bytes) in front of a {@link DiskTier}, either of which may be off, with the rules of
 * {@link CachePolicy}. Disk writes run on virtual threads of its own (an entry waiting for its file
 * is still found); {@link #close()} waits for them.
 */
public final class CachefsStore implements SharedCache, AutoCloseable {

    /** How many {@code Vary}-ing URLs remember their header names (beyond, a variant is a miss). */
    private static final int VARYING_URLS = 100_000;

    private final Cachefs config;
    private final Cache<String, CacheEntry> memory;
    private final DiskTier disk;
    private final Map<String, CacheEntry> writing = new ConcurrentHashMap<>();
    private final Cache<String, List<String>> varyNames = Caffeine.newBuilder().maximumSize(VARYING_URLS)
            .executor(Runnable::run).build();
    /** When each URL was last invalidated: entries received before are stale variants. */
    private final Cache<String, Long> invalidated = Caffeine.newBuilder().maximumSize(VARYING_URLS)
            .executor(Runnable::run).build();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("skitai-cachefs-", 0).factory());
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder revalidations = new LongAdder();
    private final LongAdder stored = new LongAdder();

    private CachefsStore(Cachefs config) {
        this.config = config;
        this.memory = config.memmax() == 0 ? null : Caffeine.newBuilder().maximumWeight(config.memmax())
                .weigher((String id, CacheEntry e) -> (int) Math.min(Integer.MAX_VALUE, e.weight()))
                .executor(Runnable::run).build();
        this.disk = config.diskmax() == 0 ? null : DiskTier.open(config.path().orElseThrow(), config.diskmax(),
                (key, vary) -> {
                    if (!vary.isEmpty()) {
                        varyNames.put(key, List.copyOf(vary.keySet()));
                    }
                });
    }

    /**
     * The cache {@code config} describes, its disk tier scanned; empty when it is off.
     *
     * @throws io.skitai.core.StartupException when the disk tier's directory cannot be used
     */
    public static Optional<CachefsStore> open(Cachefs config) {
        return config.enabled() ? Optional.of(new CachefsStore(perProcess(config))) : Optional.empty();
    }

    /** A worker process keeps its own subdirectory ({@code slot-<n>}): one index per directory. */
    private static Cachefs perProcess(Cachefs config) {
        ProcessRole role = ProcessRole.current();
        return role.kind() != ProcessRole.Kind.WORKER ? config
                : new Cachefs(config.memmax(), config.diskmax(), config.path().map(p -> p.resolve("slot-" + role.slot())));
    }

    /** Where blocking work for the cache (a lookup reading a file, a revalidation) may run. */
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    /** The largest entry kept ({@link Cachefs#maxEntryBytes()}). */
    long maxEntryBytes() {
        return config.maxEntryBytes();
    }

    /** One lookup: its answer, and what {@link #store} and {@link #revalidated} need of the request. */
    private record Found(Kind kind, Optional<Response> response, Map<String, String> validators, String key,
            Map<String, String> request, boolean credentialed, CacheEntry entry) implements Lookup {}

    @Override
    public Lookup lookup(String method, URI uri, Map<String, String> requestHeaders) {
        Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.putAll(requestHeaders);
        String key = uri.toString();
        CacheControl directives = CachePolicy.requestDirectives(request);
        boolean credentialed = CachePolicy.credentialed(request);
        if (!"GET".equals(method) || directives.noStore()) {
            return new Found(Kind.PASS, Optional.empty(), Map.of(), key, request, credentialed, null);
        }
        CacheEntry e = get(CacheEntry.id(key, selecting(varyNames.getIfPresent(key), request)));
        if (e != null && credentialed && !CacheControl.of(e.headers()).sharable()) {
            e = null; // kept for callers without credentials only (RFC 9111 3.5)
        }
        long now = System.currentTimeMillis();
        if (e != null && CachePolicy.fresh(e, directives, now)) {
            hits.increment();
            return new Found(Kind.HIT, Optional.of(CachePolicy.answer(e, now, request)), Map.of(), key, request, credentialed, e);
        }
        misses.increment();
        if (directives.onlyIfCached()) {
            return new Found(Kind.UNSATISFIABLE, Optional.empty(), Map.of(), key, request, credentialed, null);
        }
        if (e != null && CachePolicy.hasValidator(e.headers())) {
            return new Found(Kind.REVALIDATE, Optional.empty(), CachePolicy.validators(e), key, request, credentialed, e);
        }
        return new Found(Kind.MISS, Optional.empty(), Map.of(), key, request, credentialed, null);
    }

    private static Map<String, String> selecting(List<String> names, Map<String, String> request) {
        Map<String, String> vary = new LinkedHashMap<>();
        if (names != null) {
            names.forEach(name -> vary.put(name, request.getOrDefault(name, "").strip()));
        }
        return vary;
    }

    @Override
    public boolean storable(Lookup lookup, int status, Map<String, List<String>> headers) {
        return lookup instanceof Found f && (f.kind() == Kind.MISS || f.kind() == Kind.REVALIDATE)
                && CachePolicy.storable(status, headers, f.credentialed());
    }

    @Override
    public void store(Lookup lookup, Response response, Instant requestTime, Instant responseTime) {
        if (!storable(lookup, response.status(), response.headers()) || response.body().length > config.maxEntryBytes()) {
            return;
        }
        Found f = (Found) lookup;
        List<String> names = CacheControl.vary(response.headers());
        long sent = requestTime.toEpochMilli();
        long received = responseTime.toEpochMilli();
        CacheEntry e = new CacheEntry(f.key(), selecting(names, f.request()), response.status(),
                CachePolicy.kept(response.headers()), response.body(), sent, received,
                CachePolicy.initialAge(response.headers(), sent, received));
        if (e.weight() > config.maxEntryBytes()) {
            return;
        }
        if (names.isEmpty()) {
            varyNames.invalidate(f.key());
        } else {
            varyNames.put(f.key(), names);
        }
        put(e);
        stored.increment();
    }

    @Override
    public Response revalidated(Lookup lookup, Map<String, List<String>> notModifiedHeaders, Instant requestTime,
            Instant responseTime) {
        if (!(lookup instanceof Found f) || f.kind() != Kind.REVALIDATE) {
            throw new IllegalArgumentException("revalidated(..) takes the lookup that said REVALIDATE, got " + lookup);
        }
        long sent = requestTime.toEpochMilli();
        long received = responseTime.toEpochMilli();
        CacheEntry e = f.entry().refreshed(CachePolicy.merged(f.entry().headers(), notModifiedHeaders), sent, received,
                CachePolicy.initialAge(notModifiedHeaders, sent, received));
        revalidations.increment();
        if (CachePolicy.storable(e.status(), e.headers(), f.credentialed())) {
            put(e);
        } else {
            remove(e.id());
        }
        return CachePolicy.answer(e, System.currentTimeMillis(), f.request());
    }

    @Override
    public void invalidateAfter(String method, URI uri, int status) {
        if (CachePolicy.unsafe(method) && status >= 200 && status < 400) {
            String key = uri.toString();
            invalidated.put(key, System.currentTimeMillis());
            remove(CacheEntry.id(key, Map.of()));
        }
    }

    @Override
    public UpstreamClient client(UpstreamClient client) {
        return new CachingClient(this, client);
    }

    private CacheEntry get(String id) {
        CacheEntry e = memory == null ? null : memory.getIfPresent(id);
        if (e == null) {
            e = writing.get(id);
        }
        if (e == null && disk != null) {
            e = disk.get(id).orElse(null);
            if (e != null && memory != null) {
                memory.put(id, e);
            }
        }
        Long at = e == null ? null : invalidated.getIfPresent(e.key());
        if (at != null && e.responseTime() <= at) {
            remove(id);
            return null;
        }
        return e;
    }

    private void put(CacheEntry e) {
        String id = e.id();
        if (memory != null) {
            memory.put(id, e);
        }
        if (disk != null) {
            writing.put(id, e);
            try {
                executor.execute(() -> {
                    try {
                        disk.put(e);
                    } finally {
                        writing.remove(id, e);
                    }
                });
            } catch (RejectedExecutionException closed) {
                writing.remove(id, e);
            }
        }
    }

    private void remove(String id) {
        if (memory != null) {
            memory.invalidate(id);
        }
        writing.remove(id);
        if (disk != null) {
            try {
                executor.execute(() -> disk.remove(id)); // deleting a file blocks: not on the caller's thread
            } catch (RejectedExecutionException closed) {
                disk.remove(id);
            }
        }
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("hits", hits.sum());
        m.put("misses", misses.sum());
        m.put("revalidated", revalidations.sum());
        m.put("stored", stored.sum());
        if (memory != null) {
            memory.cleanUp();
        }
        m.put("memoryBytes", memory == null ? 0 : memory.policy().eviction().orElseThrow().weightedSize().orElse(0));
        m.put("memoryMax", config.memmax());
        m.put("diskBytes", disk == null ? 0 : disk.bytes());
        m.put("diskMax", config.diskmax());
        m.put("diskEntries", disk == null ? 0 : (long) disk.entries());
        m.put("maxEntryBytes", config.maxEntryBytes());
        return m;
    }

    /** Waits for the disk writes under way, then forgets the memory tier. */
    @Override
    public void close() {
        executor.close();
        if (memory != null) {
            memory.invalidateAll();
        }
    }

    @Override
    public String toString() {
        return "Cachefs(memory " + config.memmax() + " bytes, disk " + config.diskmax() + " bytes"
                + config.path().map(p -> " at " + p).orElse("") + ")";
    }
}
