package io.skitai.core;

/**
 * How the request log writes its lines ({@code Skitai.setRequestLogFormat(..)}): the Python
 * original's blank-separated text (the default) or one JSON object per line with the same fields
 * under names ({@code date}, {@code time}, {@code clientIp}, {@code host}, {@code method}, {@code uri},
 * {@code version}, {@code requestBytes}, {@code status}, {@code responseBytes}, {@code gtxid},
 * {@code ltxid}, {@code username}, {@code bearer}, {@code referer}, {@code userAgent},
 * {@code forwardedFor}, {@code worker}, {@code connections}, {@code handlingMs}, {@code transferMs};
 * a missing value is {@code null}) for log shippers.
 */
public enum RequestLogFormat {
    /** Blank-separated fields, as the Python original writes them. */
    TEXT,
    /** One JSON object per line. */
    JSON_LINES;

    /** Where the server's configuration keeps it. */
    public static final Setting<RequestLogFormat> SETTING = Setting.of("core.requestLogFormat", RequestLogFormat.class, TEXT);
}
