package io.skitai.smtpda;

/** How the connection to an SMTP server is protected. */
public enum Security {
    /** Plain SMTP (port 25 or 587 without TLS). */
    NONE,
    /** SMTP over TLS from the first byte ("SMTPS", usually port 465). */
    SSL,
    /** Plain SMTP upgraded with STARTTLS; delivery fails rather than send in clear text if the server does not offer it. */
    STARTTLS
}
