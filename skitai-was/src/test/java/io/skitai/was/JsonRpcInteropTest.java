package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonRpcService} against a client nobody here wrote: Python's {@code requests} posts the
 * JSON-RPC 2.0 specification's own examples (section 7, as raw text) and compares each answer with
 * the specification's. Skipped when python3 or its {@code requests} package is missing.
 */
class JsonRpcInteropTest {

    /** Posts every example of the file {@code argv[2]} to {@code argv[1]}; prints the mismatches and the count. */
    static final String CLIENT = String.join("\n",
            "import json, sys, requests",
            "url, examples = sys.argv[1], json.load(open(sys.argv[2]))",
            "bad = []",
            "for e in examples:",
            "    r = requests.post(url, data=e['request'].encode(), headers={'Content-Type': 'application/json'}, timeout=20)",
            "    if e['response'] is None:",
            "        ok = r.status_code == 204 and r.content == b''",
            "    else:",
            "        ok = r.status_code == 200 and r.headers['Content-Type'].startswith('application/json') and r.json() == e['response']",
            "    if not ok:",
            "        bad.append([e['name'], r.status_code, r.text])",
            "r = requests.post(url, json={'jsonrpc': '2.0', 'method': 'subtract', 'params': {'minuend': 'x', 'subtrahend': 1}, 'id': 9})",
            "print(json.dumps([bad, len(examples), r.json()['error']['code'], requests.get(url).status_code]))");

    @BeforeAll
    static void needsPythonRequests() {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import requests"), "python3 with the requests package is not installed: JSON-RPC interop is skipped");
    }


    /** Runs python3 with {@code args} and returns what it printed (stdout and stderr). */
    static String python(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", "-c"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return printed;
    }

    /** The specification's examples as a file python can read. */
    static Path examplesFile() throws Exception {
        return Path.of(JsonRpcInteropTest.class.getResource("/jsonrpc-spec-examples.json").toURI());
    }

    @Test
    void pythonRequestsPostsTheSpecificationsExamples() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/jsonrpc", JsonRpcServiceTest.specMethods(new CopyOnWriteArrayList<>()));
        TestKit.serve(server, cli -> assertThat(python(List.of(CLIENT, cli.baseUrl() + "/jsonrpc", examplesFile().toString())))
                .isEqualTo("[[], 15, -32602, 405]"));
    }
}
