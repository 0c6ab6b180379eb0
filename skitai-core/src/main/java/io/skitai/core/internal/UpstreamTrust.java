package io.skitai.core.internal;

import io.skitai.core.StartupException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificates HTTPS upstream calls trust: the JDK's trusted CAs (unless left out) and the
 * certificates of PEM files (CAs, or self-signed server certificates), as one SSL context built
 * when the server starts. Host names are still verified: the client checks them, not this context.
 *
 * @param pemFiles    PEM files whose certificates are trusted
 * @param jdkDefaults whether the JDK's trusted CAs ({@code cacerts}) stay trusted
 */
public record UpstreamTrust(List<Path> pemFiles, boolean jdkDefaults) {

    /** The JDK's trusted CAs alone. */
    public static final UpstreamTrust JDK = new UpstreamTrust(List.of(), true);

    /** Freezes the files. */
    public UpstreamTrust {
        pemFiles = List.copyOf(pemFiles);
    }

    static final String WHAT = "upstream trust file";

    /**
     * The SSL context upstream calls use; empty for {@link #JDK} (the client's own default).
     *
     * @throws StartupException naming a missing or unreadable file, or one holding no certificate
     */
    public Optional<SSLContext> sslContext() {
        if (pemFiles.isEmpty() && jdkDefaults) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            throw new StartupException(Messages.upstreamTrustFailed(e.getMessage()), e);
        }
    }

    /** The trust manager of the server's upstream client, remembering why certificates were refused. */
    RecordingTrustManager recordingTrustManager() {
        try {
            return RecordingTrustManager.over(pemFiles.isEmpty() && jdkDefaults ? null : store());
        } catch (GeneralSecurityException | IOException e) {
            throw new StartupException(Messages.upstreamTrustFailed(e.getMessage()), e);
        }
    }

    private KeyStore store() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        if (jdkDefaults) {
            for (X509Certificate ca : jdkTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, ca);
            }
        }
        for (Path file : pemFiles) {
            for (X509Certificate cert : TlsContexts.readCertificates(file, WHAT)) {
                store.setCertificateEntry("pem-" + n++, cert);
            }
        }
        return store;
    }

    private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
