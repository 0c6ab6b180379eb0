package io.skitai.core.internal;

import static io.skitai.core.TestPki.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.StartupException;
import io.skitai.core.TestPki;
import io.skitai.core.TestPki.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsContextsTest {

    @TempDir
    Path dir;

    private static EngineConfig.Tls tls(Path cert, Path key, String passphrase) {
        return new EngineConfig.Tls(cert, key, Optional.ofNullable(passphrase));
    }

    /** Loads the key, or fails with the startup message, to assert on. */
    private static StartupException failure(EngineConfig.Tls tls) {
        try {
            TlsContexts.load(tls);
        } catch (StartupException e) {
            return e;
        }
        throw new AssertionError("expected a StartupException for " + tls);
    }

    private static void assertOneLine(StartupException e, String id, String... mentions) {
        assertThat(e.getMessage()).startsWith("SKITAI-" + id + " ").doesNotContain("\n").doesNotContain("\r")
                .doesNotContain(PASSPHRASE).doesNotContain("Exception").doesNotContain("\tat ");
        for (String m : mentions) {
            assertThat(e.getMessage()).contains(m);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void readsEveryKeyFormat(KeyFormat format) throws Exception {
        TestPki.Pem pem = TestPki.write(dir, format);
        PrivateKey key = TlsContexts.readPrivateKey(pem.key(), Optional.of(PASSPHRASE));
        assertThat(key.getAlgorithm()).isEqualTo(pem.keys().getPrivate().getAlgorithm());
        assertThat(TlsContexts.matches(key, pem.keys().getPublic())).isTrue();
        assertThat(key.getClass().getName()).as("a JDK key object, for JSSE").doesNotContain("bouncycastle");
        SSLContext context = TlsContexts.load(tls(pem.certificate(), pem.key(), PASSPHRASE));
        assertThat(context.getProtocol()).isEqualTo("TLS");
    }

    @ParameterizedTest
    @EnumSource(value = KeyFormat.class, names = {"PKCS8", "PKCS1_RSA", "SEC1_EC"})
    void ignoresAPassphraseForAnUnencryptedKey(KeyFormat format) throws Exception {
        TestPki.Pem pem = TestPki.write(dir, format);
        assertThat(TlsContexts.load(tls(pem.certificate(), pem.key(), "unused"))).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = KeyFormat.class, names = {"TRADITIONAL_ENCRYPTED_RSA", "TRADITIONAL_ENCRYPTED_EC",
        "ENCRYPTED_PKCS8_RSA", "ENCRYPTED_PKCS8_EC"})
    void encryptedKeyWithoutPassphraseSaysSo(KeyFormat format) throws Exception {
        TestPki.Pem pem = TestPki.write(dir, format);
        assertOneLine(failure(tls(pem.certificate(), pem.key(), null)), "C032", "is encrypted",
                pem.key().toString());
        assertOneLine(failure(tls(pem.certificate(), pem.key(), "")), "C032", "is encrypted");
    }

    @ParameterizedTest
    @EnumSource(value = KeyFormat.class, names = {"TRADITIONAL_ENCRYPTED_RSA", "TRADITIONAL_ENCRYPTED_EC",
        "ENCRYPTED_PKCS8_RSA", "ENCRYPTED_PKCS8_EC"})
    void wrongPassphraseSaysSoWithoutEchoingIt(KeyFormat format) throws Exception {
        TestPki.Pem pem = TestPki.write(dir, format);
        StartupException e = failure(tls(pem.certificate(), pem.key(), "not-the-" + PASSPHRASE));
        assertOneLine(e, "C033", "wrong passphrase", pem.key().toString());
        assertThat(e.getMessage()).doesNotContain("not-the-");
        assertThat(e.getCause()).as("no cause that could carry details").isNull();
    }

    @Test
    void readsScryptEncryptedPkcs8() throws Exception {
        KeyPair keys = TestPki.rsa();
        Path cert = TestPki.writeCertificates(dir.resolve("scrypt.crt"), TestPki.selfSigned(keys));
        Path key = TestPki.writeScryptKey(dir.resolve("scrypt.key"), keys.getPrivate(), PASSPHRASE);
        assertThat(TlsContexts.load(tls(cert, key, PASSPHRASE))).isNotNull();
        assertOneLine(failure(tls(cert, key, "wrong")), "C033", "wrong passphrase");
    }

    @Test
    void readsEd25519Keys() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path cert = TestPki.writeCertificates(dir.resolve("ed.crt"), TestPki.selfSigned(keys));
        Path key = TestPki.writeKey(dir.resolve("ed.key"), keys.getPrivate(), KeyFormat.PKCS8, null);
        assertThat(TlsContexts.load(tls(cert, key, null))).isNotNull();
        assertThat(TlsContexts.matches(keys.getPrivate(), TestPki.ec().getPublic())).isFalse();
    }

    @Test
    void missingCertificateFile() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path missing = dir.resolve("nope.crt");
        assertOneLine(failure(tls(missing, pem.key(), null)), "C003", "certificate file", missing.toString(),
                "does not exist");
    }

    @Test
    void missingKeyFile() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path missing = dir.resolve("nope.key");
        assertOneLine(failure(tls(pem.certificate(), missing, PASSPHRASE)), "C003", "private key file",
                missing.toString(), "does not exist");
    }

    @Test
    void unreadableCertificateFile() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        // A directory exists but cannot be read as a file, whatever user the tests run as.
        Path directory = Files.createDirectory(dir.resolve("cert-dir.crt"));
        assertOneLine(failure(tls(directory, pem.key(), null)), "C004", "certificate file", "cannot be read");
    }

    @Test
    void certificateFileWithoutCertificate() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path der = Files.write(dir.resolve("server.der"), pem.x509().getEncoded());
        assertOneLine(failure(tls(der, pem.key(), null)), "C030", "holds no PEM certificate", der.toString());
        Path keyOnly = pem.key();
        assertOneLine(failure(tls(keyOnly, pem.key(), null)), "C030", "holds no PEM certificate");
    }

    @Test
    void keyFileWithoutKey() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        assertOneLine(failure(tls(pem.certificate(), pem.certificate(), null)), "C031", "holds no PEM private key");
    }

    @Test
    void keyThatDoesNotMatchTheCertificate() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path other = TestPki.writeKey(dir.resolve("other.key"), TestPki.otherRsa().getPrivate(), KeyFormat.PKCS8, null);
        assertOneLine(failure(tls(pem.certificate(), other, null)), "C034", "does not match the certificate",
                other.toString(), pem.certificate().toString());
        Path ecKey = TestPki.writeKey(dir.resolve("ec.key"), TestPki.newEc().getPrivate(), KeyFormat.SEC1_EC, null);
        assertOneLine(failure(tls(pem.certificate(), ecKey, null)), "C034", "does not match");
    }

    @Test
    void ecKeyThatDoesNotMatchAnEcCertificate() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.SEC1_EC);
        Path other = TestPki.writeKey(dir.resolve("other.key"), TestPki.newEc().getPrivate(), KeyFormat.SEC1_EC, null);
        assertOneLine(failure(tls(pem.certificate(), other, null)), "C034", "does not match");
    }

    @Test
    void serverCertificateMustComeFirstInTheChain() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        X509Certificate issuer = TestPki.selfSigned(TestPki.newEc());
        Path wrongOrder = TestPki.writeCertificates(dir.resolve("wrong-order.crt"), issuer, pem.x509());
        assertOneLine(failure(tls(wrongOrder, pem.key(), null)), "C035", "matches certificate #2",
                "put the server's own certificate first");
        Path rightOrder = TestPki.writeCertificates(dir.resolve("chain.crt"), pem.x509(), issuer);
        assertThat(TlsContexts.readCertificates(rightOrder)).hasSize(2);
        assertThat(TlsContexts.load(tls(rightOrder, pem.key(), null))).isNotNull();
    }

    @Test
    void certificateAndKeyInOneFile() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.ENCRYPTED_PKCS8_RSA);
        Path combined = Files.writeString(dir.resolve("combined.pem"),
                Files.readString(pem.certificate()) + Files.readString(pem.key()));
        assertThat(TlsContexts.load(tls(combined, combined, PASSPHRASE))).isNotNull();
    }

    @Test
    void unsupportedKeyFormatSaysWhatIsSupported() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path openssh = Files.writeString(dir.resolve("id_rsa"), """
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB
                -----END OPENSSH PRIVATE KEY-----
                """);
        assertOneLine(failure(tls(pem.certificate(), openssh, null)), "C036", "unsupported format",
                "OPENSSH PRIVATE KEY", "BEGIN PRIVATE KEY");
    }

    @Test
    void damagedPemIsUnreadable() throws Exception {
        TestPki.Pem pem = TestPki.write(dir, KeyFormat.PKCS8);
        Path damaged = Files.writeString(dir.resolve("damaged.crt"), """
                -----BEGIN CERTIFICATE-----
                MIIB!!!not base64!!!
                -----END CERTIFICATE-----
                """);
        assertOneLine(failure(tls(damaged, pem.key(), null)), "C004", "certificate file", "not valid PEM");
    }

    @Test
    void expiredCertificateStillLoads() throws Exception {
        KeyPair keys = TestPki.rsa();
        X509Certificate expired = TestPki.selfSigned(keys, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)));
        Path cert = TestPki.writeCertificates(dir.resolve("expired.crt"), expired);
        Path key = TestPki.writeKey(dir.resolve("expired.key"), keys.getPrivate(), KeyFormat.PKCS8, null);
        assertThat(TlsContexts.load(tls(cert, key, null))).isNotNull();
        assertThat(Messages.certificateExpired(cert, expired.getNotAfter().toInstant())).startsWith("SKITAI-C038");
    }

    @Test
    void tlsSettingsNeverShowThePassphrase() {
        EngineConfig.Tls tls = tls(Path.of("a.crt"), Path.of("a.key"), PASSPHRASE);
        assertThat(tls.toString()).doesNotContain(PASSPHRASE).contains("a.crt", "a.key", "(given)");
        assertThat(tls(Path.of("a.crt"), Path.of("a.key"), null).toString()).contains("(none)");
    }

    @Test
    void speaksOnlyTls13And12() {
        assertThat(TlsContexts.PROTOCOLS).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void matchesComparesKeyPairs() {
        KeyPair a = TestPki.rsa();
        KeyPair b = TestPki.ec();
        assertThat(TlsContexts.matches(a.getPrivate(), a.getPublic())).isTrue();
        assertThat(TlsContexts.matches(b.getPrivate(), b.getPublic())).isTrue();
        assertThat(TlsContexts.matches(a.getPrivate(), b.getPublic())).isFalse();
        assertThat(TlsContexts.matches(b.getPrivate(), a.getPublic())).isFalse();
        assertThat(List.of(TestPki.newEc())).allSatisfy(c ->
                assertThat(TlsContexts.matches(c.getPrivate(), b.getPublic())).isFalse());
    }
}
