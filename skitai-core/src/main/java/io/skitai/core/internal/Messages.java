package io.skitai.core.internal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Every message the engine shows a user about a failure, in one place, each with a stable id
 * ({@code SKITAI-Cnnn}) and written to be acted on.
 */
public final class Messages {

    private Messages() {}

    public static String portInUse(String address, int port) {
        return "SKITAI-C001 port " + port + " on " + address
                + " is already in use: stop the other server or choose another port (--skitai-port=N)";
    }

    public static String cannotBind(String address, int port, String reason) {
        return "SKITAI-C002 cannot listen on " + address + ":" + port + ": " + reason;
    }

    public static String missingFile(String what, Path path) {
        return "SKITAI-C003 " + what + " " + path.toAbsolutePath() + " does not exist";
    }

    public static String unreadableFile(String what, Path path, String reason) {
        return "SKITAI-C004 " + what + " " + path.toAbsolutePath() + " cannot be read: " + reason;
    }

    public static String staticDirMissing(String point, Path dir) {
        return "SKITAI-C005 static directory " + dir.toAbsolutePath() + " mounted at '" + pointText(point)
                + "' does not exist or is not a directory";
    }

    public static String unknownTarget(String point, Object target) {
        String kind = target == null ? "null" : target.getClass().getName();
        return "SKITAI-C006 cannot mount " + kind + " at '" + pointText(point)
                + "': a mount target is a Handler, an App, a Path to a static directory,"
                + " an Undertow HttpHandler, or the class name of a Handler or App";
    }

    public static String unknownClass(String point, String className, String reason) {
        return "SKITAI-C007 cannot mount '" + className + "' at '" + pointText(point) + "': " + reason;
    }

    public static String badOption(String option, String reason) {
        return "SKITAI-C008 bad command-line option " + option + ": " + reason;
    }

    public static String appFailedToStart(String point, String reason) {
        return "SKITAI-C010 the app mounted at '" + pointText(point) + "' failed to start: " + reason;
    }

    public static String duplicateMount(String point, String hosts) {
        return "SKITAI-C011 two targets are mounted at '" + pointText(point) + "'" + hosts;
    }

    public static String tlsFailure(String reason) {
        return "SKITAI-C012 cannot set up TLS: " + reason;
    }

    public static String logDirectory(Path dir, String reason) {
        return "SKITAI-C013 cannot write logs into " + dir.toAbsolutePath() + ": " + reason;
    }

    public static String formFieldsTooLarge(long max) {
        return "SKITAI-C080 the text fields of the form are larger than " + max + " bytes";
    }

    public static String fileTooLarge(String field, long max) {
        return "SKITAI-C081 file '" + field + "' is larger than " + max + " bytes";
    }

    public static String malformedMultipart(String problem) {
        return "SKITAI-C082 malformed multipart body: " + problem;
    }

    public static String unsupportedCharset(String charset) {
        return "SKITAI-C083 unsupported charset '" + charset + "'";
    }

    public static String tooManyFormFields(int max) {
        return "SKITAI-C084 malformed form body: more than " + max + " fields";
    }

    public static String badFormEscape(String pair) {
        return "SKITAI-C085 malformed form body: bad %-escape in '" + pair + "'";
    }

    public static String frozenSetting(String setting) {
        return "SKITAI-C022 " + setting + ": the configuration is frozen once the server is created from it;"
                + " set it before SkitaiServer.create / Skitai.run (a restart reuses the same configuration)";
    }

    public static String detachedMount() {
        return "SKITAI-C023 this app was started outside a running server (new MountInfo(..) by hand):"
                + " mount it with Skitai.mount or SkitaiServer.mount to reach the server";
    }

    public static String notStarted() {
        return "SKITAI-C020 the server is not running: call start(Run) first";
    }

    public static String alreadyStarted() {
        return "SKITAI-C021 the server is already running: stop it before starting it again";
    }

    public static String noCertificate(Path file) {
        return noCertificate("certificate file", file);
    }

    public static String noCertificate(String what, Path file) {
        return "SKITAI-C030 " + what + " " + file.toAbsolutePath()
                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----); a DER file converts with"
                + " 'openssl x509 -inform der -in FILE -out FILE.pem'";
    }

    public static String noPrivateKey(Path file) {
        return "SKITAI-C031 private key file " + file.toAbsolutePath()
                + " holds no PEM private key (-----BEGIN PRIVATE KEY----- or RSA/EC/ENCRYPTED PRIVATE KEY)";
    }

    public static String keyNeedsPassphrase(Path file) {
        return "SKITAI-C032 private key " + file.toAbsolutePath()
                + " is encrypted but no passphrase was given: enableSsl(certificate, key, passphrase)";
    }

    public static String wrongPassphrase(Path file) {
        return "SKITAI-C033 the passphrase given does not decrypt private key " + file.toAbsolutePath()
                + " (wrong passphrase)";
    }

    public static String keyMismatch(Path key, Path certificate) {
        return "SKITAI-C034 private key " + key.toAbsolutePath() + " does not match the certificate in "
                + certificate.toAbsolutePath() + ": give the key the certificate was issued for";
    }

    public static String keyMatchesLaterCertificate(Path key, Path certificate, int position) {
        return "SKITAI-C035 private key " + key.toAbsolutePath() + " matches certificate #" + position + " in "
                + certificate.toAbsolutePath() + ", not the first: put the server's own certificate first,"
                + " then its intermediates";
    }

    public static String unsupportedKey(Path file, String what) {
        return "SKITAI-C036 private key " + file.toAbsolutePath() + " is in an unsupported format: " + what
                + "; use PEM PKCS#8 (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY) or PKCS#1/SEC1"
                + " (BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY, plain or encrypted)";
    }

    public static String forwardNeedsTls(int httpPort) {
        return "SKITAI-C037 enableForward(" + httpPort + ", 0) forwards to this server's own HTTPS port,"
                + " but TLS is not enabled: call enableSsl(certificate, key, passphrase) or give the HTTPS port";
    }

    public static String certificateExpired(Path file, Instant notAfter) {
        return "SKITAI-C038 the certificate in " + file.toAbsolutePath() + " expired on " + notAfter
                + ": clients will refuse it";
    }

    public static String certificateNotYetValid(Path file, Instant notBefore) {
        return "SKITAI-C039 the certificate in " + file.toAbsolutePath() + " is not valid before " + notBefore
                + ": clients will refuse it";
    }

    public static String daemonLaunch(String name, String reason) {
        return "SKITAI-C050 cannot launch " + name + " as a daemon: " + reason;
    }

    public static String daemonExited(String name, int status, java.nio.file.Path runDir, String tail) {
        return "SKITAI-C051 " + name + " exited with status " + status + " while starting; its logs are in "
                + runDir + (tail.isEmpty() ? "" : ", ending with:" + tail);
    }

    public static String daemonNotReady(String name, long pid, long seconds, java.nio.file.Path runDir) {
        return "SKITAI-C052 " + name + " (pid " + pid + ") did not report ready within " + seconds
                + " s; it is still running: see the logs in " + runDir + " or stop it";
    }

    public static String daemonKilled(String name, long pid, long seconds) {
        return "SKITAI-C053 " + name + " (pid " + pid + ") did not stop within " + seconds
                + " s after TERM and was killed";
    }

    public static String daemonUnavailable(String reason) {
        return "SKITAI-C054 cannot run as a daemon: " + reason;
    }

    public static String badAliasName(String name) {
        return "SKITAI-C040 '" + name + "' is not an alias name: use '@' and letters, digits, '.', '_' or '-',"
                + " e.g. \"@members\"";
    }

    public static String badAliasServer(String alias, String server, String reason) {
        return "SKITAI-C041 alias " + alias + ": server '" + server + "' is malformed (" + reason
                + "); write [user:password@]host[:port][/path] [weight], with %40 for '@' in a password";
    }

    public static String maxRcache(int entries) {
        return "SKITAI-C042 setMaxRcache(" + entries + "): the result cache size must be >= 0 (0 turns it off)";
    }

    public static String cachefsBounds(long memmax, long diskmax) {
        return "SKITAI-C120 enableCachefs(" + memmax + ", " + diskmax + ", ..): memmax and diskmax are byte counts"
                + " and must be >= 0 (0 turns that tier off)";
    }

    public static String cachefsNoPath(long diskmax) {
        return "SKITAI-C121 enableCachefs(.., " + diskmax + ", null): a disk tier needs a directory;"
                + " pass a path, or diskmax 0 for a memory-only cache";
    }

    public static String cachefsDirectory(Path dir, String reason) {
        return "SKITAI-C122 the cachefs directory " + dir.toAbsolutePath() + " cannot be used: " + reason
                + " (create it writable, or pass another path to enableCachefs)";
    }

    public static String undeclaredLu(String key, java.util.List<String> declared) {
        return "SKITAI-C060 '" + key + "' is not a declared last-update key: declare it before run with"
                + " Skitai.deflu(\"" + key + "\") (declared: " + declared + ")";
    }

    public static String undeclaredGs(String key, java.util.List<String> declared) {
        return "SKITAI-C061 '" + key + "' is not a declared global-state key: declare it before run with"
                + " Skitai.defgs(\"" + key + "\") (declared: " + declared + ")";
    }

    public static String handOverOnIoThread() {
        return "SKITAI-C150 a servlet (or another handed-over Undertow handler) may block, so it cannot run on the IO"
                + " thread: run the server on virtual threads (the default) or Run.threads(n) with n > 0, not threads(0)";
    }

    public static String jwtMissing() {
        return "SKITAI-C094 the API gateway (enableGateway) verifies JWTs with java-jwt: add the dependency"
                + " com.auth0:java-jwt to your program";
    }

    public static String dashboardNeedsMicrometer() {
        return "SKITAI-C095 the status dashboard (enableStatusDashboard) records latency with Micrometer: add the"
                + " dependency io.micrometer:micrometer-core to your program";
    }

    public static String metricsNeedMicrometer() {
        return "SKITAI-C097 metrics (enableMetrics) are recorded with Micrometer: add the dependency"
                + " io.micrometer:micrometer-core to your program (and a registry, e.g."
                + " io.micrometer:micrometer-registry-prometheus)";
    }

    public static String scrapeNeedsPrometheusRegistry(String point, String metrics) {
        return "SKITAI-C098 the Prometheus endpoint at '" + pointText(point) + "' scrapes the server's metrics registry,"
                + " which must be a PrometheusMeterRegistry (" + metrics + "): call Skitai.enableMetrics() with"
                + " io.micrometer:micrometer-registry-prometheus on the class path, or pass the registry to"
                + " PrometheusEndpoint.of(registry)";
    }

    public static String dashboardPathTaken(String dashboard, String point) {
        return "SKITAI-C096 '" + dashboard + "' is the status dashboard's path (enableStatusDashboard), so nothing can be"
                + " mounted at '" + pointText(point) + "': mount it elsewhere or give the dashboard another path";
    }

    public static String lettuceMissing(String uri) {
        return "SKITAI-C062 shared state on Redis (" + uri + ") needs the Lettuce client: add the dependency"
                + " io.lettuce:lettuce-core to your program";
    }

    public static String redisUnreachable(String uri, String reason) {
        return "SKITAI-C063 cannot reach the Redis server for shared state at " + uri + ": " + reason;
    }

    public static String workerTable(java.nio.file.Path instance, String reason) {
        return "SKITAI-C064 this worker cannot open its master's shared table in " + instance + ": " + reason;
    }

    public static String workerFailedToStart(String name, int index, int status) {
        return "SKITAI-C065 " + name + ": worker #" + index + " exited with status " + status
                + " before it served (its error is above); stopping";
    }

    public static String workersNotReady(String name, long seconds) {
        return "SKITAI-C066 " + name + ": the workers did not all serve within " + seconds + " s; stopping";
    }

    public static String workersUnsupported(String reason) {
        return "SKITAI-C067 workers(n) with n > 1 cannot run here: " + reason + "; run with workers(1)";
    }

    public static String sidecarPortInUse(String name, String address, int port) {
        return "SKITAI-C070 the " + name + " port " + port + " on " + address
                + " is already in use: stop the other server or give the " + name + " server another port";
    }

    public static String sidecarCannotBind(String name, String address, int port, String reason) {
        return "SKITAI-C071 the " + name + " server cannot listen on " + address + ":" + port + ": " + reason;
    }

    public static String sidecarFailed(String name, String reason) {
        return "SKITAI-C072 the " + name + " server failed to start: " + reason;
    }

    private static String pointText(String point) {
        return point.isEmpty() ? "/" : point;
    }

    public static String upstreamTrustOnlyEmpty() {
        return "SKITAI-C068 setUpstreamTrustOnly() needs at least one PEM file: with none, no upstream"
                + " certificate could be trusted (use setUpstreamTrust(..) to add to the JDK's trusted CAs)";
    }

    public static String upstreamTrustFailed(String reason) {
        return "SKITAI-C069 cannot build the trust store for HTTPS upstream calls: " + reason;
    }

    public static String upstreamQueueFull(java.net.URI origin, int maxWaiting) {
        return "SKITAI-C086 " + maxWaiting + " calls already wait for a connection to " + origin
                + ": the upstream is slower than the calls made to it; raise UpstreamClient.MAX_CONNECTIONS"
                + " or MAX_WAITING, or call it less";
    }

    public static String upstreamAnswerTooLarge(java.net.URI uri, long maxBytes) {
        return "SKITAI-C087 the answer of " + uri + " is larger than " + maxBytes
                + " bytes (UpstreamClient.MAX_RESPONSE_BYTES); the call failed and its connection was closed";
    }

    public static String upstreamConnectTimeout(java.net.URI origin, java.time.Duration limit) {
        return "SKITAI-C088 cannot connect to " + origin + " within " + limit.toSeconds() + " s";
    }

    public static String upstreamConnectFailed(java.net.URI origin, String why) {
        return "SKITAI-C089 cannot connect to " + origin + ": " + why;
    }

    public static String upstreamClientStopped(java.net.URI target) {
        return "SKITAI-C090 the call to " + target + " was stopped: the server is stopping";
    }

    public static String upstreamRequestLimit(java.net.URI origin, java.time.Duration limit) {
        return "SKITAI-C091 no whole answer from " + origin + " within " + limit.toMinutes()
                + " minutes, the limit of any upstream call";
    }

    public static String upstreamLimits(int maxConnections, int maxWaiting, long maxBytes) {
        return "SKITAI-C092 upstream limits must be positive (MAX_CONNECTIONS " + maxConnections
                + ", MAX_WAITING " + maxWaiting + ", MAX_RESPONSE_BYTES " + maxBytes + ")";
    }

    public static String notHttpAlias(String alias, String type) {
        return "SKITAI-C093 " + alias + " is a " + type + " database alias: call it with was.backend(\"" + alias
                + "\"), not with HTTP calls";
    }

    // ---- app jars, exported apps, the reloader (C140-C149) ----

    public static String unknownExportedApp(String point, String name, java.util.Collection<String> exported) {
        return "SKITAI-C140 cannot mount exported app '" + name + "' at '" + pointText(point) + "': no library on the"
                + " class path exports it (exported: " + (exported.isEmpty() ? "none" : String.join(", ", exported))
                + "); a library exports an app in META-INF/services/io.skitai.core.ExportedApp";
    }

    public static String exportedAppBroken(String point, String reason) {
        return "SKITAI-C141 an exported app for '" + pointText(point) + "' cannot be created: " + reason;
    }

    public static String noJarEntryPoint(String point, Path jar, java.util.List<String> found) {
        return "SKITAI-C142 the app jar " + jar + " mounted at '" + pointText(point) + "' has no single app: name an"
                + " App, Handler or ExportedApp class in its manifest's Skitai-App attribute, or declare one"
                + " io.skitai.core.ExportedApp in its META-INF/services" + (found.isEmpty() ? "" : " (found: "
                + String.join(", ", found) + ")");
    }

    public static String appJarMissing(String point, Path jar) {
        return "SKITAI-C143 the app jar " + jar + " mounted at '" + pointText(point) + "' does not exist or is not a file";
    }

    public static String reloadFailed(String point, Path jar, String why, String serving) {
        return "SKITAI-C144 not reloading " + jar + " at '" + pointText(point) + "': " + why + "; " + serving
                + " keeps serving";
    }
}
