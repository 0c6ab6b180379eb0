package io.skitai.smtpda;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server for tests: GreenMail on 127.0.0.1, plain or SMTPS. Its TLS certificate is
 * made once per JVM with the JDK's keytool, for the name and address 127.0.0.1, so clients can
 * verify it with {@link #trustStore()} (host name checking on).
 */
final class MailServer implements AutoCloseable {

    static final String STORE_PASSWORD = "changeit";
    private static Path tlsDir;

    private final GreenMail greenMail;

    private MailServer(ServerSetup setup) {
        greenMail = new GreenMail(setup);
        greenMail.start();
    }

    /** Plain SMTP on a free port. */
    static MailServer smtp() {
        return new MailServer(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Plain SMTP on {@code port}. */
    static MailServer smtpOn(int port) {
        return new MailServer(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** SMTPS (TLS from the first byte) on a free port, with the test certificate. */
    static MailServer smtps() {
        tls();
        return new MailServer(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
    }

    /** A port nothing listens on (bound then released). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A trust store (PKCS#12, password {@value #STORE_PASSWORD}) holding only the test certificate. */
    static synchronized Path trustStore() {
        return tls().resolve("trust.p12");
    }

    int port() {
        return greenMail.getSmtp() != null ? greenMail.getSmtp().getPort() : greenMail.getSmtps().getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    /** Adds a mailbox with a login; a client that authenticates must give this password. */
    MailServer user(String email, String login, String password) {
        greenMail.setUser(email, login, password);
        return this;
    }

    /** Waits until {@code count} messages arrived (any recipient counts once per message and recipient). */
    boolean await(int count, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (greenMail.getReceivedMessages().length >= count) {
                return true;
            }
            sleep(20);
        }
        return greenMail.getReceivedMessages().length >= count;
    }

    List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes the key store once; GreenMail reads the system properties when its first SMTPS server starts. */
    private static synchronized Path tls() {
        if (tlsDir != null) {
            return tlsDir;
        }
        try {
            Path dir = Files.createTempDirectory("smtpda-tls");
            Path server = dir.resolve("server.p12");
            Path cert = dir.resolve("server.crt");
            keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", server.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
            keytool("-exportcert", "-alias", "greenmail", "-keystore", server.toString(), "-storepass", STORE_PASSWORD,
                    "-rfc", "-file", cert.toString());
            keytool("-importcert", "-noprompt", "-alias", "test-ca", "-file", cert.toString(), "-storetype", "PKCS12",
                    "-keystore", dir.resolve("trust.p12").toString(), "-storepass", STORE_PASSWORD);
            System.setProperty("greenmail.tls.keystore.file", server.toString());
            System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
            System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
            tlsDir = dir;
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }

    private static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
