package io.skitai.was;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates minted for a test (nothing is committed): a CA, and server certificates it signs
 * for given host names / IP addresses, written as PEM files (EC P-256 keys: fast to make).
 */
final class TestCerts {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A CA's key and certificate, and its certificate as a PEM file. */
    record Ca(KeyPair keys, X509Certificate certificate, Path pem) {}

    /** A server's certificate and private key as PEM files. */
    record Server(Path certificate, Path key) {}

    private TestCerts() {}

    /** A new self-signed CA called {@code name}, its certificate written under {@code dir}. */
    static Ca ca(Path dir, String name) throws GeneralSecurityException, IOException {
        KeyPair keys = ec();
        X500Name subject = new X500Name("CN=" + name);
        JcaX509v3CertificateBuilder b = builder(subject, subject, keys);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate cert = sign(b, keys.getPrivate());
            return new Ca(keys, cert, write(dir.resolve(name + ".pem"), cert));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /**
     * A server certificate signed by {@code ca} for {@code names} (DNS names, or IP addresses when
     * they start with a digit), written under {@code dir} with its key.
     */
    static Server server(Path dir, Ca ca, String file, String... names) throws GeneralSecurityException, IOException {
        KeyPair keys = ec();
        JcaX509v3CertificateBuilder b = builder(X500Name.getInstance(
                ca.certificate().getSubjectX500Principal().getEncoded()), new X500Name("CN=" + names[0]), keys);
        GeneralName[] san = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            san[i] = new GeneralName(Character.isDigit(names[i].charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName,
                    names[i]);
        }
        try {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = sign(b, ca.keys().getPrivate());
            Path key = dir.resolve(file + ".key");
            writePem(key, keys.getPrivate());
            return new Server(write(dir.resolve(file + ".pem"), cert), key);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey by)
            throws org.bouncycastle.operator.OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(by)));
    }

    private static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static Path write(Path file, Object pemObject) throws IOException {
        writePem(file, pemObject);
        return file;
    }

    private static void writePem(Path file, Object pemObject) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(pemObject instanceof PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : pemObject);
        }
        Files.writeString(file, out.toString());
    }
}
