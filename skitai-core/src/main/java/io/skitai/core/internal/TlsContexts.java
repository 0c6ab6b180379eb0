package io.skitai.core.internal;

import io.skitai.core.StartupException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.NoSuchPaddingException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Builds the server's SSLContext from PEM files, as {@code enable_ssl(crt, key, pass)} takes them:
 * a certificate chain (one or more {@code CERTIFICATE} blocks, the server's own first) and a
 * private key in any of the forms OpenSSL writes:
 *
 * <ul>
 *   <li>PKCS#8 ({@code BEGIN PRIVATE KEY});
 *   <li>PKCS#1 RSA / SEC1 EC ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY});
 *   <li>the same encrypted the traditional way ({@code Proc-Type: 4,ENCRYPTED} and
 *       {@code DEK-Info}, what {@code openssl genrsa -des3} writes with OpenSSL 1.x);
 *   <li>encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, what OpenSSL 3 writes).
 * </ul>
 *
 * <p>The key must match the certificate. Every failure is a {@link StartupException} with one line
 * from {@link Messages}; the passphrase never appears in a message or a log, and the chars made
 * from it are wiped once the key is decrypted.
 */
final class TlsContexts {

    /** The only protocol versions the server speaks. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final System.Logger LOG = System.getLogger("io.skitai.core");
    private static final String CERTIFICATE_FILE = "certificate file";
    private static final String KEY_FILE = "private key file";
    private static final String ALIAS = "server";

    /** Key algorithms a TLS server certificate can carry, by OID, as the JDK names them. */
    private static final Map<ASN1ObjectIdentifier, String> JDK_KEY_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            X9ObjectIdentifiers.id_dsa, "DSA");

    private TlsContexts() {}

    /**
     * A private BouncyCastle provider for OpenSSL's key encryption (its PBKDF, DES-EDE3, PBES2) and
     * key structures. It is never registered, so nothing else in the JVM changes provider.
     */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** The server context for these PEM files. */
    static SSLContext load(EngineConfig.Tls tls) {
        return context(keyManagers(tls));
    }

    /**
     * The key managers holding these PEM files' key and chain, checked as {@link #load} checks them;
     * the engine builds its own context from them and hands them to sidecars (the gRPC server).
     */
    static KeyManagerFactory keyManagers(EngineConfig.Tls tls) {
        List<X509Certificate> chain = readCertificates(tls.certificate());
        PrivateKey key = readPrivateKey(tls.privateKey(), tls.passphrase());
        checkMatch(key, chain, tls);
        warnIfNotValidNow(chain.getFirst(), tls.certificate());
        return keyManagers(key, chain);
    }

    // ---- certificates ----------------------------------------------------------------------

    /** The certificates of a PEM file, in file order. */
    static List<X509Certificate> readCertificates(Path file) {
        return readCertificates(file, CERTIFICATE_FILE);
    }

    /** The certificates of a PEM file, in file order; {@code what} names the file in messages. */
    static List<X509Certificate> readCertificates(Path file, String what) {
        List<Object> objects = readPem(file, what);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> chain = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new StartupException(Messages.unreadableFile(what, file, reason(e)), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new StartupException(Messages.noCertificate(what, file));
        }
        return List.copyOf(chain);
    }

    // ---- private key -----------------------------------------------------------------------

    /** The private key of a PEM file, decrypted with the passphrase when it is encrypted. */
    static PrivateKey readPrivateKey(Path file, Optional<String> passphrase) {
        List<Object> objects = readPem(file, KEY_FILE);
        Object found = objects.stream().filter(TlsContexts::isPrivateKey).findFirst()
                .orElseThrow(() -> new StartupException(Messages.noPrivateKey(file)));
        PrivateKeyInfo info = switch (found) {
            case PrivateKeyInfo plain -> plain;
            case PEMKeyPair pair -> pair.getPrivateKeyInfo();
            case PEMEncryptedKeyPair encrypted -> decrypt(encrypted, file, passphrase);
            case PKCS8EncryptedPrivateKeyInfo encrypted -> decrypt(encrypted, file, passphrase);
            default -> throw new IllegalStateException("not a private key: " + found.getClass());
        };
        return toJdkKey(info, file);
    }

    /**
     * The key as a JDK key object, so JSSE signs with its own providers: BouncyCastle normalises
     * the structure (a SEC1 key's curve moves into the algorithm identifier), the JDK rebuilds it.
     */
    private static PrivateKey toJdkKey(PrivateKeyInfo info, Path file) {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm = JDK_KEY_ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new StartupException(Messages.unsupportedKey(file, "key algorithm " + oid.getId()));
        }
        try {
            PrivateKey normalised = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(normalised.getEncoded()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new StartupException(Messages.unsupportedKey(file, "a " + algorithm + " key (" + reason(e) + ")"), e);
        }
    }

    private static boolean isPrivateKey(Object o) {
        return o instanceof PrivateKeyInfo || o instanceof PEMKeyPair || o instanceof PEMEncryptedKeyPair
                || o instanceof PKCS8EncryptedPrivateKeyInfo;
    }

    private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, Path file, Optional<String> passphrase) {
        char[] secret = secret(file, passphrase);
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret))
                    .getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            // A wrong passphrase shows up as bad padding or, rarely, as garbage that does not parse.
            if (isUnsupportedCipher(e)) {
                throw new StartupException(Messages.unsupportedKey(file,
                        "encryption " + encrypted.getDekAlgName() + " (" + reason(e) + ")"), e);
            }
            throw new StartupException(Messages.wrongPassphrase(file));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, Path file,
            Optional<String> passphrase) {
        String algorithm = encrypted.getEncryptionAlgorithm().getAlgorithm().getId();
        char[] secret = secret(file, passphrase);
        try {
            // The decryptor reads the chars only when it decrypts: wipe them after that, not before.
            InputDecryptorProvider decryptor = usesScrypt(encrypted)
                    ? new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret)
                    : new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret);
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            if (isUnsupportedCipher(e)) {
                throw new StartupException(Messages.unsupportedKey(file,
                        "encryption " + algorithm + " (" + reason(e) + ")"), e);
            }
            throw new StartupException(Messages.wrongPassphrase(file));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** PBES2 with scrypt ({@code openssl pkcs8 -topk8 -scrypt}), which the OpenSSL builder cannot derive. */
    private static boolean usesScrypt(PKCS8EncryptedPrivateKeyInfo encrypted) {
        AlgorithmIdentifier scheme = encrypted.getEncryptionAlgorithm();
        try {
            return scheme.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2)
                    && PBES2Parameters.getInstance(scheme.getParameters()).getKeyDerivationFunc().getAlgorithm()
                            .equals(MiscObjectIdentifiers.id_scrypt);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The passphrase as chars (the caller wipes them), or the "encrypted, give a passphrase" failure. */
    private static char[] secret(Path file, Optional<String> passphrase) {
        return passphrase.filter(p -> !p.isEmpty()).map(String::toCharArray)
                .orElseThrow(() -> new StartupException(Messages.keyNeedsPassphrase(file)));
    }

    /**
     * An encryption scheme the providers do not know, as opposed to a passphrase that does not
     * decrypt (bad padding, or rarely garbage that does not parse as a key).
     */
    private static boolean isUnsupportedCipher(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OperatorCreationException || c instanceof NoSuchAlgorithmException
                    || c instanceof NoSuchPaddingException || c instanceof ClassCastException
                    || String.valueOf(c.getMessage()).startsWith("unknown encryption")) {
                return true;
            }
        }
        return false;
    }

    // ---- key and certificate ---------------------------------------------------------------

    private static void checkMatch(PrivateKey key, List<X509Certificate> chain, EngineConfig.Tls tls) {
        if (matches(key, chain.getFirst().getPublicKey())) {
            return;
        }
        for (int i = 1; i < chain.size(); i++) {
            if (matches(key, chain.get(i).getPublicKey())) {
                throw new StartupException(Messages.keyMatchesLaterCertificate(tls.privateKey(), tls.certificate(), i + 1));
            }
        }
        throw new StartupException(Messages.keyMismatch(tls.privateKey(), tls.certificate()));
    }

    /** Whether the private key is the partner of the public key. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (key instanceof RSAKey rsa) {
            return publicKey instanceof RSAKey pub && rsa.getModulus().equals(pub.getModulus());
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void warnIfNotValidNow(X509Certificate certificate, Path file) {
        Date now = new Date();
        if (now.after(certificate.getNotAfter())) {
            LOG.log(System.Logger.Level.WARNING, Messages.certificateExpired(file, certificate.getNotAfter().toInstant()));
        } else if (now.before(certificate.getNotBefore())) {
            LOG.log(System.Logger.Level.WARNING, Messages.certificateNotYetValid(file, certificate.getNotBefore().toInstant()));
        }
    }

    // ---- context ---------------------------------------------------------------------------

    private static KeyManagerFactory keyManagers(PrivateKey key, List<X509Certificate> chain) {
        // The store lives only in memory; its password protects nothing and is not the passphrase.
        char[] storePassword = ALIAS.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, storePassword, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, storePassword);
            return keyManagers;
        } catch (GeneralSecurityException | IOException e) {
            throw new StartupException(Messages.tlsFailure(reason(e)), e);
        }
    }

    /** A TLS 1.3/1.2 server context on these key managers. */
    static SSLContext context(KeyManagerFactory keyManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
            if (!supported.containsAll(PROTOCOLS)) {
                throw new StartupException(Messages.tlsFailure("this Java runtime does not support " + PROTOCOLS));
            }
            return context;
        } catch (GeneralSecurityException e) {
            throw new StartupException(Messages.tlsFailure(reason(e)), e);
        }
    }

    // ---- PEM -------------------------------------------------------------------------------

    /** Every PEM object of a file; the file's absence or unreadability is a startup failure. */
    private static List<Object> readPem(Path file, String what) {
        String text;
        try {
            // PEM is ASCII; reading bytes as Latin-1 never fails, so a DER file just holds no PEM block.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new StartupException(Messages.missingFile(what, file), e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new StartupException(Messages.missingFile(what, file), e);
            }
            throw new StartupException(Messages.unreadableFile(what, file, reason(e)), e);
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            String unknown = unrecognisedType(e);
            if (unknown != null && what.equals(KEY_FILE)) {
                throw new StartupException(Messages.unsupportedKey(file, "a '" + unknown + "' block"), e);
            }
            throw new StartupException(Messages.unreadableFile(what, file, "not valid PEM (" + reason(e) + ")"), e);
        }
        return objects;
    }

    private static String unrecognisedType(Throwable e) {
        String message = e.getMessage();
        String prefix = "unrecognised object: ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()).strip() : null;
    }

    /** An exception's message on one line, without the stack. */
    private static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        // Drop exception class names the providers put in front of their messages.
        return message.replaceAll("\\s+", " ").replaceAll("(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error): ", "").strip();
    }
}
