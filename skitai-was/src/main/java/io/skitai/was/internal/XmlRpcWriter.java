package io.skitai.was.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes XML-RPC documents: calls, responses and faults. Strict: a value of a type XML-RPC has no
 * mapping for, a map key that is not a String, a non-finite double or a character XML cannot carry
 * is an {@link IllegalArgumentException} naming it.
 */
public final class XmlRpcWriter {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    private static final int MAX_DEPTH = 64;

    private XmlRpcWriter() {}

    /** A {@code methodCall} document. */
    public static byte[] call(String method, Object... args) {
        if (method == null || !method.matches("[A-Za-z0-9_.:/]+")) {
            throw new IllegalArgumentException("XML-RPC method name '" + method
                    + "' may hold only letters, digits, '_', '.', ':' and '/'");
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<methodCall>\n<methodName>")
                .append(method).append("</methodName>\n<params>\n");
        for (Object arg : args == null ? new Object[] {null} : args) {
            b.append("<param>\n");
            value(b, arg, 0);
            b.append("</param>\n");
        }
        return b.append("</params>\n</methodCall>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code methodResponse} document carrying {@code result}. */
    public static byte[] response(Object result) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
        value(b, result, 0);
        return b.append("</param>\n</params>\n</methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code methodResponse} document carrying a fault. */
    public static byte[] fault(int code, String message) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
        value(b, Map.of("faultCode", code, "faultString", message == null ? "" : message), 0);
        return b.append("</fault>\n</methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder b, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("XML-RPC value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        b.append("<value>");
        if (v == null) {
            b.append("<nil/>");
        } else if (v instanceof Boolean bool) {
            b.append("<boolean>").append(bool ? 1 : 0).append("</boolean>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b.append("<int>").append(v).append("</int>");
        } else if (v instanceof Long || v instanceof BigInteger) {
            integer(b, new BigInteger(v.toString()));
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("XML-RPC cannot carry the double " + d);
            }
            b.append("<double>").append(BigDecimal.valueOf(d).toPlainString()).append("</double>");
        } else if (v instanceof CharSequence s) {
            b.append("<string>");
            escape(b, s.toString());
            b.append("</string>");
        } else if (v instanceof LocalDateTime t) {
            b.append("<dateTime.iso8601>").append(DATE_TIME.format(t)).append("</dateTime.iso8601>");
        } else if (v instanceof byte[] bytes) {
            b.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
        } else if (v instanceof Map<?, ?> map) {
            struct(b, map, depth);
        } else if (v instanceof Collection<?> || v instanceof Object[]) {
            Iterable<?> items = v instanceof Object[] array ? java.util.Arrays.asList(array) : (Collection<?>) v;
            b.append("<array><data>\n");
            for (Object item : items) {
                value(b, item, depth + 1);
            }
            b.append("</data></array>");
        } else {
            throw new IllegalArgumentException("XML-RPC has no type for " + v.getClass().getName()
                    + ": use int, long, boolean, double, String, LocalDateTime, byte[], Map, List or null");
        }
        b.append("</value>\n");
    }

    private static void integer(StringBuilder b, BigInteger n) {
        if (n.bitLength() < 32) {
            b.append("<int>").append(n).append("</int>");
        } else if (n.bitLength() < 64) {
            b.append("<i8>").append(n).append("</i8>");
        } else {
            throw new IllegalArgumentException("XML-RPC integers are at most 64 bits, got " + n);
        }
    }

    private static void struct(StringBuilder b, Map<?, ?> map, int depth) {
        b.append("<struct>\n");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("XML-RPC struct keys are strings, got "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            b.append("<member><name>");
            escape(b, key);
            b.append("</name>");
            value(b, e.getValue(), depth + 1);
            b.append("</member>\n");
        }
        b.append("</struct>");
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("XML cannot carry the character U+"
                                + String.format("%04X", (int) c) + " in an XML-RPC string");
                    }
                    b.append(c);
                }
            }
        }
    }
}
