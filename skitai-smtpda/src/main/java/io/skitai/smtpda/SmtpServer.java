package io.skitai.smtpda;

import io.skitai.smtpda.internal.Messages;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMTP server to deliver to, with optional credentials. Its {@link #toString()} never shows the
 * password.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     login name, if the server wants authentication
 * @param password password for {@code user}
 * @param security plain, SSL or STARTTLS
 */
public record SmtpServer(String host, int port, Optional<String> user, Optional<String> password, Security security) {

    /** Validates the fields. */
    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(security, "security");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(Messages.badServer(host + ":" + port));
        }
        user = user.filter(u -> !u.isEmpty());
        password = password.filter(p -> !p.isEmpty());
    }

    /** A server without authentication, from {@code "host:port"} ({@code "host"} alone means port 25). */
    public static SmtpServer of(String hostPort, Security security) {
        return of(hostPort, null, null, security);
    }

    /**
     * A server from {@code "host:port"} with a login; {@code user} and {@code password} may be
     * {@code null} or empty for none.
     *
     * @throws IllegalArgumentException for a malformed {@code host:port}
     */
    public static SmtpServer of(String hostPort, String user, String password, Security security) {
        if (hostPort == null || hostPort.isBlank()) {
            throw new IllegalArgumentException(Messages.badServer(String.valueOf(hostPort)));
        }
        String h = hostPort.strip();
        int port = security == Security.SSL ? 465 : 25;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(']') < colon) {
            try {
                port = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Messages.badServer(hostPort), e);
            }
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return new SmtpServer(h, port, Optional.ofNullable(user), Optional.ofNullable(password), security);
    }

    /** {@code host:port}. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same server with other credentials. */
    public SmtpServer withLogin(Optional<String> newUser, Optional<String> newPassword) {
        return new SmtpServer(host, port, newUser, newPassword, security);
    }

    /** The same server with another security. */
    public SmtpServer withSecurity(Security newSecurity) {
        return new SmtpServer(host, port, user, password, newSecurity);
    }

    /** {@code host:port}, the security and the user; the password shows as {@code ***} when set. */
    @Override
    public String toString() {
        return "SmtpServer[" + address() + " " + security.name().toLowerCase(java.util.Locale.ROOT)
                + user.map(u -> " user=" + u).orElse("") + password.map(p -> " password=***").orElse("") + "]";
    }
}
