package io.skitai.was.internal;

import io.skitai.was.RpcFault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML-RPC documents strictly: a DTD (hence any entity declaration), an unknown element or
 * type, a malformed number, a document nested deeper than {@value #MAX_DEPTH} elements or holding
 * more than {@value #MAX_ELEMENTS} is an {@link IOException}. Untyped values are strings, as the
 * specification says; {@code i8} and the {@code ex:}-prefixed {@code nil}/{@code i8} of Apache's
 * extensions are read too.
 */
public final class XmlRpcReader {

    private static final int MAX_DEPTH = 128;
    private static final int MAX_ELEMENTS = 1_000_000;
    private static final DateTimeFormatter ISO_DASHED = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** An element: its local name, text and children. */
    private record Node(String name, StringBuilder text, List<Node> children) {
        Node only(String expected) throws IOException {
            if (children.size() != 1 || !children.get(0).name.equals(expected)) {
                throw new IOException("<" + name + "> must hold exactly one <" + expected + ">");
            }
            return children.get(0);
        }
    }

    /** A decoded {@code methodCall}. */
    public record MethodCall(String method, List<Object> params) {}

    private XmlRpcReader() {}

    /**
     * The value of a {@code methodResponse}.
     *
     * @throws RpcFault      when the response is a fault
     * @throws IOException   when it is not a well-formed XML-RPC response
     */
    public static Object response(byte[] xml) throws IOException {
        Node root = tree(xml);
        if (!root.name.equals("methodResponse") || root.children.size() != 1) {
            throw new IOException("not an XML-RPC methodResponse");
        }
        Node body = root.children.get(0);
        if (body.name.equals("fault")) {
            Object fault = value(body.only("value"));
            if (fault instanceof Map<?, ?> m && m.get("faultCode") instanceof Number code) {
                throw new RpcFault(code.intValue(), String.valueOf(m.get("faultString")));
            }
            throw new IOException("an XML-RPC fault needs a struct with an integer faultCode");
        }
        if (!body.name.equals("params")) {
            throw new IOException("a methodResponse holds <params> or <fault>, not <" + body.name + ">");
        }
        return value(body.only("param").only("value"));
    }

    /** The method name and parameters of a {@code methodCall}. */
    public static MethodCall call(byte[] xml) throws IOException {
        Node root = tree(xml);
        if (!root.name.equals("methodCall") || root.children.isEmpty()
                || !root.children.get(0).name.equals("methodName")) {
            throw new IOException("not an XML-RPC methodCall");
        }
        String method = root.children.get(0).text.toString().strip();
        List<Object> params = new ArrayList<>();
        if (root.children.size() > 2) {
            throw new IOException("a methodCall holds <methodName> and <params> only");
        }
        if (root.children.size() == 2) {
            Node ps = root.children.get(1);
            if (!ps.name.equals("params")) {
                throw new IOException("expected <params>, got <" + ps.name + ">");
            }
            for (Node p : ps.children) {
                if (!p.name.equals("param")) {
                    throw new IOException("expected <param>, got <" + p.name + ">");
                }
                params.add(value(p.only("value")));
            }
        }
        return new MethodCall(method, params);
    }

    private static Object value(Node v) throws IOException {
        if (v.children.isEmpty()) {
            return v.text.toString();
        }
        if (v.children.size() != 1) {
            throw new IOException("<value> holds one typed element");
        }
        Node t = v.children.get(0);
        String text = t.text.toString();
        try {
            return switch (t.name) {
                case "i4", "int" -> Integer.parseInt(text.strip());
                case "i8" -> Long.parseLong(text.strip());
                case "boolean" -> bool(text.strip());
                case "double" -> Double.parseDouble(text.strip());
                case "string" -> text;
                case "nil" -> null;
                case "dateTime.iso8601" -> dateTime(text.strip());
                case "base64" -> Base64.getMimeDecoder().decode(text.strip());
                case "struct" -> struct(t);
                case "array" -> array(t);
                default -> throw new IOException("unknown XML-RPC type <" + t.name + ">");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("malformed <" + t.name + "> value '" + text + "'", e);
        }
    }

    private static Boolean bool(String text) throws IOException {
        return switch (text) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IOException("a boolean is 0 or 1, got '" + text + "'");
        };
    }

    private static LocalDateTime dateTime(String text) {
        if (text.length() >= 8 && text.charAt(4) != '-') {
            return LocalDateTime.parse(text, XmlRpcWriter.DATE_TIME);
        }
        return LocalDateTime.parse(text, ISO_DASHED);
    }

    private static Map<String, Object> struct(Node s) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Node m : s.children) {
            if (!m.name.equals("member") || m.children.size() != 2 || !m.children.get(0).name.equals("name")
                    || !m.children.get(1).name.equals("value")) {
                throw new IOException("a struct <member> holds <name> then <value>");
            }
            map.put(m.children.get(0).text.toString(), value(m.children.get(1)));
        }
        return map;
    }

    private static List<Object> array(Node a) throws IOException {
        Node data = a.only("data");
        List<Object> list = new ArrayList<>(data.children.size());
        for (Node v : data.children) {
            if (!v.name.equals("value")) {
                throw new IOException("an array's <data> holds <value>s, not <" + v.name + ">");
            }
            list.add(value(v));
        }
        return list;
    }

    /** The element tree of a document, refusing DTDs and entity references. */
    private static Node tree(byte[] xml) throws IOException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.stax().createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<Node> open = new ArrayDeque<>();
            Node root = null;
            int elements = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                            throw new IOException("XML-RPC documents may not declare a DTD or use entities");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS || open.size() >= MAX_DEPTH) {
                            throw new IOException("XML-RPC document too large or too deeply nested");
                        }
                        String name = r.getLocalName();
                        Node n = new Node(name.startsWith("ex:") ? name.substring(3) : name,
                                new StringBuilder(), new ArrayList<>());
                        if (open.isEmpty()) {
                            root = n;
                        } else {
                            open.peek().children.add(n);
                        }
                        open.push(n);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    default -> { }
                }
            }
            if (root == null) {
                throw new IOException("empty XML-RPC document");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IOException("malformed XML-RPC document: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open beyond the byte array
                }
            }
        }
    }
}
