package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {

    @TempDir
    Path logs;

    @Test
    void eachRequestWritesOneLineWithThePythonFieldsInOrder() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create().enableFileLogging(logs);
        serverConfig.mount("/", ex -> ex.send("answer " + ex.body().length));
        String basic = "Basic " + Base64.getEncoder().encodeToString("hans:pw".getBytes(StandardCharsets.UTF_8));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            cli.request("POST", "/log/path?x=1").header("Authorization", basic)
                    .header("Referer", "http://ref.example/page").header("User-Agent", "skitai-test/1.0 (\"quoted\")")
                    .header("X-Forwarded-For", "203.0.113.7").body("hello".getBytes(), "text/plain").send();
            cli.request("GET", "/bearer").header("Authorization", "Bearer very-secret-token").send();
        });
        List<String> lines = Files.readAllLines(logs.resolve("request.log"));
        assertThat(lines).hasSize(2);
        List<String> f = fields(lines.get(0));
        assertThat(f).hasSize(21);
        assertThat(f.get(0)).matches("\\d{4}-\\d{2}-\\d{2}");          // log date
        assertThat(f.get(1)).matches("\\d{2}:\\d{2}:\\d{2}");          // log time
        assertThat(f.get(2)).isEqualTo("127.0.0.1");                    // client ip
        assertThat(f.get(3)).startsWith("127.0.0.1:");                  // request host
        assertThat(f.get(4)).isEqualTo("POST");                         // method
        assertThat(f.get(5)).isEqualTo("/log/path?x=1");                // uri
        assertThat(f.get(6)).isEqualTo("HTTP/1.1");                     // version
        assertThat(f.get(7)).isEqualTo("5");                            // request body size
        assertThat(f.get(8)).isEqualTo("200");                          // reply code
        assertThat(f.get(9)).isEqualTo("8");                            // reply body size ("answer 5")
        assertThat(f.get(10)).matches("GTID-C\\d+-R1");                 // gtxid: connection, request number
        assertThat(f.get(11)).isEqualTo("1000");                        // ltxid of a client's request
        assertThat(f.get(12)).isEqualTo("\"hans\"");                    // username
        assertThat(f.get(13)).isEqualTo("-");                           // bearer token
        assertThat(f.get(14)).isEqualTo("\"http://ref.example/page\""); // referer
        assertThat(f.get(15)).isEqualTo("\"skitai-test/1.0 (\\\"quoted\\\")\""); // user agent
        assertThat(f.get(16)).isEqualTo("203.0.113.7");                 // x-forwarded-for
        assertThat(f.get(17)).isEqualTo("M");                           // worker id
        assertThat(Integer.parseInt(f.get(18))).isPositive();          // active connections
        assertThat(Long.parseLong(f.get(19))).isNotNegative();          // handling ms
        assertThat(Long.parseLong(f.get(20))).isNotNegative();          // transfer ms

        List<String> g = fields(lines.get(1));
        assertThat(g.get(13)).matches("sha256:[0-9a-f]{8}");
        assertThat(g.get(10)).matches("GTID-C\\d+-R\\d+").isNotEqualTo(f.get(10));
        assertThat(lines.get(1)).doesNotContain("very-secret-token");
        assertThat(logs.resolve("server.log")).exists();
    }

    @Test
    void continuesWellFormedTransactionIdsAndIgnoresForgedOnes() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create().enableFileLogging(logs);
        serverConfig.mount("/", ex -> ex.send(ex.txid().gtxid() + " " + ex.txid().ltxid() + " " + ex.txid().nextLtxid()
                + " " + ex.txid().nextLtxid()));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            assertThat(cli.request("GET", "/a").header("X-Gtxid", "GTID-C7-R9").header("X-Ltxid", "2001").send().text())
                    .isEqualTo("GTID-C7-R9 2001 3002 3003");
            assertThat(cli.request("GET", "/b").header("X-Gtxid", "bad id\"").header("X-Ltxid", "0x").send().text())
                    .matches("GTID-C\\d+-R\\d+ 1000 2001 2002");
        });
        List<String> lines = Files.readAllLines(logs.resolve("request.log"));
        assertThat(fields(lines.get(0)).subList(10, 12)).containsExactly("GTID-C7-R9", "2001");
        assertThat(fields(lines.get(1)).get(11)).isEqualTo("1000");
    }

    @Test
    void jsonLinesCarryTheSameFieldsByName() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create().enableFileLogging(logs).set(RequestLogFormat.SETTING, RequestLogFormat.JSON_LINES);
        serverConfig.mount("/", ex -> ex.send("answer " + ex.body().length));
        TestKit.serve(serverConfig, cli -> cli.request("POST", "/log/path?x=1").header("User-Agent", "ua \"q\" \\ x")
                .header("Authorization", "Bearer very-secret-token").body("hello".getBytes(), "text/plain").send());
        List<String> lines = Files.readAllLines(logs.resolve("request.log"));
        assertThat(lines).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(j.get("method").asText()).isEqualTo("POST");
        assertThat(j.get("uri").asText()).isEqualTo("/log/path?x=1");
        assertThat(j.get("requestBytes").asLong()).isEqualTo(5);
        assertThat(j.get("status").asInt()).isEqualTo(200);
        assertThat(j.get("responseBytes").asLong()).isEqualTo(8);
        assertThat(j.get("gtxid").asText()).matches("GTID-C\\d+-R1");
        assertThat(j.get("ltxid").asText()).isEqualTo("1000");
        assertThat(j.get("bearer").asText()).matches("sha256:[0-9a-f]{8}");
        assertThat(j.get("userAgent").asText()).isEqualTo("ua \"q\" \\ x");
        assertThat(j.get("referer").isNull()).isTrue();
        assertThat(j.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(lines.get(0)).doesNotContain("very-secret-token");
        assertThat(j.size()).as("the text line's 21 fields").isEqualTo(21);
    }

    @Test
    void logOffSkipsPrefixesAndSuffixes() throws Exception {
        ServerBuilder serverConfig = ServerBuilder.create().enableFileLogging(logs).logOff("/static/", "*.css");
        serverConfig.mount("/", ex -> ex.send("x"));
        SkitaiServer server = SkitaiServer.create(serverConfig.build());
        TestKit.serve(server, cli -> {
            cli.get("/static/app.js");
            cli.get("/site.css");
            cli.get("/logged");
        });
        List<String> lines = Files.readAllLines(logs.resolve("request.log"));
        assertThat(lines).hasSize(1);
        assertThat(fields(lines.get(0)).get(5)).isEqualTo("/logged");
    }

    /** Splits on blanks, keeping "quoted values" (with \" escapes) whole. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                cur.append(c).append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ' ' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
