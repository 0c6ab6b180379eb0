package io.skitai.smtpda.internal;

import java.nio.file.Path;

/**
 * Every message smtpda shows a user about a failure, in one place, each with a stable id
 * ({@code SKITAI-Snnn}) and written to be acted on. None of them ever carries a password.
 */
public final class Messages {

    private Messages() {}

    public static String badServer(String hostPort) {
        return "SKITAI-S001 '" + hostPort + "' is not an SMTP server address: give host:port, e.g. smtp.example.com:587";
    }

    public static String badAddress(String field, String address, String reason) {
        return "SKITAI-S002 " + field + " address '" + address + "' is invalid: " + reason;
    }

    public static String noRecipient() {
        return "SKITAI-S003 the email has no recipient: give at least one to, cc or bcc address";
    }

    public static String missingAttachment(Path file) {
        return "SKITAI-S004 attachment " + file.toAbsolutePath() + " does not exist or is not a regular file";
    }

    public static String unreadableAttachment(Path file, String reason) {
        return "SKITAI-S005 attachment " + file.toAbsolutePath() + " cannot be read: " + reason;
    }

    public static String badContentType(String mimeType) {
        return "SKITAI-S006 content type '" + mimeType + "' is not a text type: use text/plain or text/html,"
                + " and addAttachment for other files";
    }

    public static String duplicateCid(String cid) {
        return "SKITAI-S007 two inline attachments use cid '" + cid + "': give each a distinct cid";
    }

    public static String spoolWrite(Path spool, String reason) {
        return "SKITAI-S008 cannot write the email into spool " + spool.toAbsolutePath() + ": " + reason
                + " (check that the directory exists or can be created and is writable)";
    }

    public static String noServer() {
        return "SKITAI-S009 no SMTP server for this message: call Email.setSmtp(..) or start smtpda with --smtp-server";
    }

    public static String spoolLocked(Path spool) {
        return "SKITAI-S010 another smtpda is already delivering from spool " + spool.toAbsolutePath()
                + ": stop it first, or give this one another --spool";
    }

    public static String spoolUnusable(Path spool, String reason) {
        return "SKITAI-S011 cannot use spool directory " + spool.toAbsolutePath() + ": " + reason;
    }

    public static String badOption(String option, String reason) {
        return "SKITAI-S012 bad option " + option + ": " + reason;
    }

    public static String badSetting(String file, String key, String value, String reason) {
        return "SKITAI-S013 bad value '" + value + "' for " + key + " in " + file + ": " + reason;
    }

    public static String unknownSetting(String source, String key, java.util.List<String> known) {
        return "SKITAI-S023 unknown setting '" + key + "' in " + source + "; known: " + String.join(", ", known);
    }

    public static String configFile(Path file, String reason) {
        return "SKITAI-S014 cannot read config file " + file.toAbsolutePath() + ": " + reason;
    }

    public static String unknownCommand(String word) {
        return "SKITAI-S015 unknown command '" + word + "': use start, stop, restart or status (none runs in the foreground)";
    }

    public static String trustStore(Path file, String reason) {
        return "SKITAI-S016 cannot load trust store " + file.toAbsolutePath() + ": " + reason;
    }

    public static String badHeader(String name) {
        return "SKITAI-S017 header '" + name + "' cannot be set this way: use the builder's subject, from, to,"
                + " cc, bcc and replyTo methods for those, and give a name of letters, digits and '-'";
    }

    public static String mimeFailure(String reason) {
        return "SKITAI-S018 cannot build the MIME message: " + reason;
    }

    public static String iniSyntax(String file, int line) {
        return "SKITAI-S019 " + file + " line " + line + ": expected '[section]' or 'key = value' inside a section";
    }

    public static String corrupt(String reason) {
        return "SKITAI-S020 unreadable spool file: " + reason;
    }

    public static String exhausted(int attempts, String lastReason) {
        return "SKITAI-S021 gave up after " + attempts + " attempts; last failure: " + lastReason;
    }

    public static String staleTemporary(String name) {
        return "SKITAI-S022 half-written spool file " + name + " left by a sender that stopped before finishing it";
    }

    public static String settingsRejected(String reason) {
        return "SKITAI-S024 the settings do not make a valid configuration: " + reason;
    }
}
