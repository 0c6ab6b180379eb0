package io.skitai.smtpda.internal;

/** The result of one delivery attempt. */
public sealed interface Outcome {

    /** The server accepted the message for every recipient. */
    record Delivered() implements Outcome {}

    /** Worth another try later: 4xx replies, refused connections, timeouts, TLS trouble. */
    record Transient(String reason) implements Outcome {}

    /** Will not succeed by retrying: 5xx replies, rejected login, STARTTLS required but not offered. */
    record Permanent(String reason) implements Outcome {}
}
