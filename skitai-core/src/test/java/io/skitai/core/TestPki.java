package io.skitai.core;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.util.ScryptConfig;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test certificates minted on the fly: self-signed, CN=localhost, SAN localhost and 127.0.0.1, and
 * their keys written as PEM in every form OpenSSL produces. Nothing is ever committed.
 */
public final class TestPki {

    /** The passphrase the encrypted forms are written with. */
    public static final String PASSPHRASE = "s3cret-Passphrase";

    /** The PEM forms of a private key, as OpenSSL writes them. */
    public enum KeyFormat {
        /** {@code BEGIN PRIVATE KEY}: unencrypted PKCS#8 ({@code openssl genpkey}). */
        PKCS8("BEGIN PRIVATE KEY", false),
        /** {@code BEGIN RSA PRIVATE KEY}: PKCS#1 ({@code openssl genrsa} with OpenSSL 1.x). */
        PKCS1_RSA("BEGIN RSA PRIVATE KEY", false),
        /** {@code BEGIN EC PRIVATE KEY}: SEC1 ({@code openssl ecparam -genkey}). */
        SEC1_EC("BEGIN EC PRIVATE KEY", false),
        /** PKCS#1 with {@code Proc-Type: 4,ENCRYPTED}, DES-EDE3-CBC ({@code openssl genrsa -des3}, OpenSSL 1.x). */
        TRADITIONAL_ENCRYPTED_RSA("Proc-Type: 4,ENCRYPTED", true),
        /** SEC1 with {@code Proc-Type: 4,ENCRYPTED}, AES-256-CBC ({@code openssl ec -aes256}). */
        TRADITIONAL_ENCRYPTED_EC("Proc-Type: 4,ENCRYPTED", true),
        /** {@code BEGIN ENCRYPTED PRIVATE KEY}: PBES2, AES-256-CBC, HMAC-SHA256 (OpenSSL 3's default). */
        ENCRYPTED_PKCS8_RSA("BEGIN ENCRYPTED PRIVATE KEY", true),
        /** The same for an EC key. */
        ENCRYPTED_PKCS8_EC("BEGIN ENCRYPTED PRIVATE KEY", true);

        private final String marker;
        private final boolean encrypted;

        KeyFormat(String marker, boolean encrypted) {
            this.marker = marker;
            this.encrypted = encrypted;
        }

        /** Text the written file must contain. */
        public String marker() {
            return marker;
        }

        public boolean encrypted() {
            return encrypted;
        }

        /** Whether this form holds an EC key (else RSA). */
        public boolean ec() {
            return this == SEC1_EC || this == TRADITIONAL_ENCRYPTED_EC || this == ENCRYPTED_PKCS8_EC;
        }
    }

    /** A key pair, its self-signed certificate and both as PEM files. */
    public record Pem(Path certificate, Path key, X509Certificate x509, KeyPair keys) {}

    /** A private provider for writing OpenSSL's encrypted forms; never registered. */
    private static final Provider BC = new BouncyCastleProvider();

    private static KeyPair rsa;
    private static KeyPair otherRsa;
    private static KeyPair ec;

    private TestPki() {}

    /** A 2048-bit RSA key pair (one per test run: generating them is slow). */
    public static synchronized KeyPair rsa() {
        if (rsa == null) {
            rsa = newRsa();
        }
        return rsa;
    }

    /** A second RSA key pair, for "does not match" cases (one per test run). */
    public static synchronized KeyPair otherRsa() {
        if (otherRsa == null) {
            otherRsa = newRsa();
        }
        return otherRsa;
    }

    /** A P-256 EC key pair (one per test run). */
    public static synchronized KeyPair ec() {
        if (ec == null) {
            ec = newEc();
        }
        return ec;
    }

    /** A fresh RSA key pair. */
    public static KeyPair newRsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh P-256 key pair. */
    public static KeyPair newEc() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for localhost and 127.0.0.1, valid from an hour ago for a day. */
    public static X509Certificate selfSigned(KeyPair keys) {
        return selfSigned(keys, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    /** A self-signed certificate for localhost and 127.0.0.1 with the given validity. */
    public static X509Certificate selfSigned(KeyPair keys, Instant notBefore, Instant notAfter) {
        try {
            X500Name name = new X500Name("CN=localhost");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name,
                    keys.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            String algorithm = switch (keys.getPrivate().getAlgorithm()) {
                case "EC" -> "SHA256withECDSA";
                case "EdDSA", "Ed25519" -> "Ed25519";
                default -> "SHA256withRSA";
            };
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes certificates as one PEM file, in the given order. */
    public static Path writeCertificates(Path file, X509Certificate... certificates) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        }
        return Files.writeString(file, text.toString());
    }

    /** Writes a private key as PEM in the given form; encrypted forms use {@code passphrase}. */
    public static Path writeKey(Path file, PrivateKey key, KeyFormat format, String passphrase) throws IOException {
        StringWriter text = new StringWriter();
        // Through BouncyCastle's key classes, as OpenSSL writes them: a SEC1 key then names its curve.
        key = bcKey(key);
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            switch (format) {
                case PKCS8 -> w.writeObject(new JcaPKCS8Generator(key, null));
                case PKCS1_RSA, SEC1_EC -> w.writeObject(new JcaMiscPEMGenerator(key));
                case TRADITIONAL_ENCRYPTED_RSA -> w.writeObject(new JcaMiscPEMGenerator(key,
                        new JcePEMEncryptorBuilder("DES-EDE3-CBC").setProvider(BC).build(passphrase.toCharArray())));
                case TRADITIONAL_ENCRYPTED_EC -> w.writeObject(new JcaMiscPEMGenerator(key,
                        new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(passphrase.toCharArray())));
                case ENCRYPTED_PKCS8_RSA, ENCRYPTED_PKCS8_EC -> w.writeObject(new JcaPKCS8Generator(key,
                        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                                .setProvider(BC).setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(2048)
                                .setPassword(passphrase.toCharArray()).build()));
            }
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
        String pem = text.toString();
        if (!pem.contains(format.marker())) {
            throw new IllegalStateException(format + " was written without '" + format.marker() + "':\n" + pem);
        }
        return Files.writeString(file, pem);
    }

    /** Writes a key as PKCS#8 encrypted with PBES2, scrypt and AES-256-CBC ({@code openssl pkcs8 -topk8 -scrypt}). */
    public static Path writeScryptKey(Path file, PrivateKey key, String passphrase) throws IOException {
        try {
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(
                    new ScryptConfig.Builder(16384, 8, 1).withSaltLength(16).build(), NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BC).build(passphrase.toCharArray());
            PKCS8EncryptedPrivateKeyInfo info = new JcaPKCS8EncryptedPrivateKeyInfoBuilder(key).build(encryptor);
            StringWriter text = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(text)) {
                w.writeObject(new PemObject("ENCRYPTED PRIVATE KEY", info.getEncoded()));
            }
            return Files.writeString(file, text.toString());
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    private static PrivateKey bcKey(PrivateKey key) throws IOException {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), BC).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A matching certificate and key, the key written in {@code format}, into {@code dir}. */
    public static Pem write(Path dir, KeyFormat format) throws IOException {
        KeyPair keys = format.ec() ? ec() : rsa();
        X509Certificate x509 = selfSigned(keys);
        Path cert = writeCertificates(dir.resolve(format.name().toLowerCase() + ".crt"), x509);
        Path key = writeKey(dir.resolve(format.name().toLowerCase() + ".key"), keys.getPrivate(), format, PASSPHRASE);
        return new Pem(cert, key, x509, keys);
    }

    /** A client context that trusts exactly this certificate. */
    public static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("server", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
