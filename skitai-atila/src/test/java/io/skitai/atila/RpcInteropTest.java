package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An Atila RPC controller against clients nobody here wrote: Python's {@code xmlrpc.client}
 * ({@code ServerProxy} calling methods, a fault, a bad parameter) and Python's {@code requests}
 * posting the JSON-RPC specification's examples. Each is skipped when python3 (or requests) is missing.
 */
class RpcInteropTest {

    private static final String XMLRPC_CLIENT = String.join("\n",
            "import sys, json, xmlrpc.client",
            "p = xmlrpc.client.ServerProxy(sys.argv[1], allow_none=True)",
            "out = [p.subtract(42, 23), p.sum(1, 2, 4), p.get_data(), p.where('py'), p.convert({'x': 1, 'y': 2}, [1, 2], '2024-02-28', 'mile', 1)]",
            "for call in (lambda: p.refuse(), lambda: p.subtract(1, 'x'), lambda: p.leak(), lambda: p.nosuch()):",
            "    try:",
            "        call()",
            "    except xmlrpc.client.Fault as f:",
            "        out.append([f.faultCode, f.faultString])",
            "print(json.dumps(out, sort_keys=True))");

    private static final String JSONRPC_CLIENT = String.join("\n",
            "import json, sys, requests",
            "url, examples = sys.argv[1], json.load(open(sys.argv[2]))",
            "bad = []",
            "for e in examples:",
            "    r = requests.post(url, data=e['request'].encode(), headers={'Content-Type': 'application/json'}, timeout=20)",
            "    ok = (r.status_code == 204 and r.content == b'') if e['response'] is None else (r.status_code == 200 and r.json() == e['response'])",
            "    if not ok:",
            "        bad.append([e['name'], r.status_code, r.text])",
            "print(json.dumps([bad, len(examples)]))");


    private static String python(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return printed;
    }

    private static ServerBuilder server() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/v1", Atila.create().register(new RpcControllerTest.Calc()).register(new RpcControllerTest.Tools()));
        return server;
    }

    @Test
    void pythonsXmlRpcClientCallsAController() {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import xmlrpc.client"), "python3 is not installed: XML-RPC interop with Python's xmlrpc.client is skipped");
        TestKit.serve(server(), cli -> assertThat(python(XMLRPC_CLIENT, cli.baseUrl() + "/v1/rpc")).isEqualTo(
                "[19, 7, [\"hello\", 5], \"/v1:py\", {\"next\": \"2024-02-29\", \"point\": {\"x\": 1, \"y\": 2}, \"sum\": 3, \"unit\": \"MILE\"}, "
                + "[42, \"the answer is not allowed\"], "
                + "[-32602, \"Invalid params: parameter 2 'subtrahend' must be an integer, got \\\"x\\\"\"], "
                + "[3, \"the method failed\"], [1, \"no such method: nosuch\"]]"));
    }

    @Test
    void pythonRequestsPostsTheSpecificationsExamplesToAController() {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import requests"), "python3 with the requests package is not installed: JSON-RPC interop is skipped");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new RpcControllerTest.Calc()));
        Path examples = Path.of("..", "skitai-was", "src", "test", "resources", "jsonrpc-spec-examples.json").toAbsolutePath();
        TestKit.serve(server, cli -> assertThat(python(JSONRPC_CLIENT, cli.baseUrl() + "/rpc", examples.toString()))
                .isEqualTo("[[], 15]"));
    }
}
