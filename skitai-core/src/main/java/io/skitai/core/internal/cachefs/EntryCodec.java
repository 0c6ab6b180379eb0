package io.skitai.core.internal.cachefs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The file format of one {@link CacheEntry}: a magic number and version, the file's whole length,
 * the key and {@code Vary} values (so a scan can index a file by reading its head), the status,
 * times, headers and body, and a CRC-32C of everything before it. A file with another magic, a
 * length that is not its size, or a checksum that does not match is corrupt.
 */
final class EntryCodec {

    static final int MAGIC = 0x534B4346; // "SKCF"
    private static final int VERSION = 1;
    private static final int MAX_STRING = 1 << 20;

    /** What a scan reads from a file's head. */
    record Head(String key, Map<String, String> vary, long length) {}

    private EntryCodec() {}

    static byte[] encode(CacheEntry e) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(e.body().length + 512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(0); // the length, patched below
            string(out, e.key());
            out.writeInt(e.vary().size());
            for (Map.Entry<String, String> v : e.vary().entrySet()) {
                string(out, v.getKey());
                string(out, v.getValue());
            }
            out.writeInt(e.status());
            out.writeLong(e.requestTime());
            out.writeLong(e.responseTime());
            out.writeLong(e.initialAge());
            int count = e.headers().values().stream().mapToInt(List::size).sum();
            out.writeInt(count);
            for (Map.Entry<String, List<String>> h : e.headers().entrySet()) {
                for (String value : h.getValue()) {
                    string(out, h.getKey());
                    string(out, value);
                }
            }
            out.writeInt(e.body().length);
            out.write(e.body());
            out.writeLong(0); // the checksum, patched below
            byte[] all = bytes.toByteArray();
            ByteBuffer buf = ByteBuffer.wrap(all);
            buf.putLong(8, all.length);
            CRC32C crc = new CRC32C();
            crc.update(all, 0, all.length - 8);
            buf.putLong(all.length - 8, crc.getValue());
            return all;
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /** The entry in {@code bytes}; an {@link IOException} when they are not a whole, intact entry. */
    static CacheEntry decode(byte[] bytes) throws IOException {
        if (bytes.length < 24) {
            throw new IOException("truncated");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (buf.getInt(0) != MAGIC || buf.getInt(4) != VERSION || buf.getLong(8) != bytes.length) {
            throw new IOException("not a cachefs entry, or truncated");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        if (crc.getValue() != buf.getLong(bytes.length - 8)) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 16, bytes.length - 24));
        String key = string(in);
        Map<String, String> vary = vary(in);
        int status = in.readInt();
        long requestTime = in.readLong();
        long responseTime = in.readLong();
        long initialAge = in.readLong();
        int count = count(in);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.computeIfAbsent(string(in), k -> new ArrayList<>()).add(string(in));
        }
        byte[] body = new byte[count(in)];
        in.readFully(body);
        return new CacheEntry(key, vary, status, headers, body, requestTime, responseTime, initialAge);
    }

    /** The head of a file of {@code size} bytes; an {@link IOException} when it is not a cachefs entry of that size. */
    static Head head(InputStream file, long size) throws IOException {
        DataInputStream in = new DataInputStream(file);
        if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readLong() != size) {
            throw new IOException("not a cachefs entry, or truncated");
        }
        return new Head(string(in), vary(in), size);
    }

    private static Map<String, String> vary(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, String> vary = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            vary.put(string(in), string(in));
        }
        return vary;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
