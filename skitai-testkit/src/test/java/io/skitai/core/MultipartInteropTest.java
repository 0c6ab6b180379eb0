package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A multipart form posted by Python's standard library ({@code urllib.request}, the body built as
 * browsers and {@code requests} build it) to a plain handler: the fields and the SHA-256 of the files
 * the handler parsed match what Python sent. Skipped when python3 is not installed.
 */
@SuppressWarnings("unchecked")
class MultipartInteropTest {

    /** Python source, ASCII only (escapes in Python's own syntax), so no platform encoding touches it. */
    private static final String CLIENT = String.join("\n",
            "import sys, os, json, hashlib, uuid, urllib.request",
            "big = os.urandom(300000)",
            "small = 'h\\u00e9llo w\\u00f6rld\\r\\n--'.encode('utf-8')",
            "boundary = '----py' + uuid.uuid4().hex",
            "def part(name, value, filename=None, ctype=None):",
            "    head = '--%s\\r\\nContent-Disposition: form-data; name=\"%s\"' % (boundary, name)",
            "    if filename is not None: head += '; filename=\"%s\"' % filename",
            "    head += '\\r\\n'",
            "    if ctype: head += 'Content-Type: %s\\r\\n' % ctype",
            "    return head.encode('utf-8') + b'\\r\\n' + value + b'\\r\\n'",
            "body = (part('title', 'Gr\\u00fc\\u00dfe \\U0001F30D'.encode('utf-8'))",
            "        + part('doc', big, 'big.bin', 'application/octet-stream')",
            "        + part('note', small, 'n\\u00f6te.txt', 'text/plain')",
            "        + ('--%s--\\r\\n' % boundary).encode('ascii'))",
            "req = urllib.request.Request(sys.argv[1], data=body,",
            "        headers={'Content-Type': 'multipart/form-data; boundary=' + boundary})",
            "with urllib.request.urlopen(req, timeout=30) as r:",
            "    answer = json.load(r)",
            "sent = {'doc': hashlib.sha256(big).hexdigest(), 'note': hashlib.sha256(small).hexdigest()}",
            "print(json.dumps({'sent': sent, 'answer': answer}))");


    @Test
    void pythonsUploadArrivesByteExact() {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import urllib.request, hashlib"), "python3 is not installed: multipart interop with Python's urllib is skipped");
        ServerBuilder serverConfig = ServerBuilder.create();
        serverConfig.mount("/up", ex -> ex.json(FormsTest.report(ex)));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            Process python = new ProcessBuilder("python3", "-c", CLIENT, cli.baseUrl() + "/up").redirectErrorStream(true).start();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(python.exitValue()).as(out).isZero();
            Map<String, Object> result = Json.mapper().readValue(out, Map.class);
            Map<String, Object> sent = (Map<String, Object>) result.get("sent");
            Map<String, Object> answer = (Map<String, Object>) result.get("answer");
            assertThat(answer.get("fields")).isEqualTo(Map.of("title", List.of("Gr\u00fc\u00dfe \uD83C\uDF0D")));
            List<Map<String, Object>> files = (List<Map<String, Object>>) answer.get("files");
            assertThat(files).hasSize(2);
            assertThat(files.get(0)).containsEntry("name", "doc").containsEntry("size", 300000)
                    .containsEntry("sha256", sent.get("doc")).containsEntry("stored", true);
            assertThat(files.get(1)).containsEntry("filename", "n\u00f6te.txt").containsEntry("type", "text/plain")
                    .containsEntry("sha256", sent.get("note"));
            FormsTest.awaitGone(Path.of((String) files.get(0).get("path")));
        });
    }
}
