package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XML-RPC against Python's standard library, both ways: {@code was.rpc} calling a
 * {@code xmlrpc.server.SimpleXMLRPCServer}, and {@code xmlrpc.client.ServerProxy} calling an
 * {@link XmlRpcService} mounted on Skitai. Skipped when python3 is not installed.
 */
class XmlRpcInteropTest {

    private static final String SERVER = String.join("\n",
            "import sys, xmlrpc.server",
            "s = xmlrpc.server.SimpleXMLRPCServer(('127.0.0.1', 0), logRequests=False, allow_none=True)",
            "def add(a, b): return a + b",
            "def echo(v): return v",
            "def fail(): raise xmlrpc.client.Fault(42, 'the answer is not allowed')",
            "import xmlrpc.client",
            "s.register_function(add); s.register_function(echo); s.register_function(fail)",
            "print(s.server_address[1], flush=True)",
            "s.serve_forever()");

    private static Process python;
    private static int port;

    @BeforeAll
    static void startPython() throws Exception {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import xmlrpc.server"), "python3 is not installed: XML-RPC interop with Python's xmlrpc is skipped");
        python = new ProcessBuilder("python3", "-c", SERVER).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        port = Integer.parseInt(out.readLine().strip());
    }

    @AfterAll
    static void stopPython() throws Exception {
        if (python != null) {
            python.destroy();
            if (!python.waitFor(5, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
        }
    }


    @Test
    void ourClientCallsPythonsServer() {
        ServerBuilder server = ServerBuilder.create();
        server.alias("@py", Proto.HTTP, "127.0.0.1:" + port);
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("name", "h\u00e9llo <&>");
        struct.put("n", 2_000_000_000L);   // a Long in int range goes as <int>: Python refuses <i8> beyond it
        struct.put("pi", 3.25);
        struct.put("ok", true);
        struct.put("none", null);
        struct.put("when", LocalDateTime.of(2024, 5, 17, 14, 8, 55));
        struct.put("bytes", new byte[] {0, 1, (byte) 255});
        struct.put("list", List.of(1, "two", List.of()));
        server.mount("/", ex -> {
            Was was = Was.current();
            Call add = was.rpc("@py/RPC2").call("add", 2, 3);
            Call echo = was.rpc("@py/RPC2").call("echo", struct);
            Result fault = was.rpc("@py/RPC2").call("fail").dispatch(5);
            Result missing = was.rpc("@py/RPC2").call("nosuch").dispatch(5);
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) echo.dataOrThrow(5);
            RpcFault f = (RpcFault) fault.exception().orElseThrow();
            ex.json(List.of(add.dataOrThrow(5), back.get("name"), back.get("n"), back.get("pi"), back.get("ok"),
                    String.valueOf(back.get("none")), back.get("when").toString(),
                    java.util.Arrays.toString((byte[]) back.get("bytes")), back.get("list"),
                    fault.status(), f.faultCode(), f.faultString(), fault.data(),
                    missing.status(), ((RpcFault) missing.exception().orElseThrow()).faultCode()));
        });
        TestKit.serve(server, cli -> assertThat(cli.get("/").text()).isEqualTo("[5,\"h\u00e9llo <&>\",2000000000,3.25,true,"
                + "\"null\",\"2024-05-17T14:08:55\",\"[0, 1, -1]\",[1,\"two\",[]],"
                + "2,42,\"the answer is not allowed\",{\"faultCode\":42,\"faultString\":\"the answer is not allowed\"},"
                + "2,1]"));
    }

    @Test
    void pythonsClientCallsOurService() throws Exception {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/rpc2", XmlRpcService.create()
                .method("add", params -> ((Number) params.get(0)).longValue() + ((Number) params.get(1)).longValue())
                .method("echo", params -> params.get(0))
                .method("refuse", params -> {
                    throw new RpcFault(7, "refused: " + params.get(0));
                }));
        TestKit.serve(server, cli -> {
            String client = String.join("\n",
                    "import xmlrpc.client, datetime, json",
                    "p = xmlrpc.client.ServerProxy('" + cli.baseUrl() + "/rpc2', allow_none=True, use_builtin_types=True)",
                    "out = [p.add(2, 3), p.add(2**30, 2**30)]",
                    "v = {'s': 'h\\u00e9llo <&>', 'f': 1.5, 'b': False, 'n': None, 'l': [1, [2]],",
                    "     'd': datetime.datetime(2024, 5, 17, 14, 8, 55), 'raw': b'\\x00\\xff'}",
                    "e = p.echo(v)",
                    "out.append(e == v)",
                    "try:",
                    "    p.refuse('x')",
                    "except xmlrpc.client.Fault as f:",
                    "    out += [f.faultCode, f.faultString]",
                    "try:",
                    "    p.nosuch()",
                    "except xmlrpc.client.Fault as f:",
                    "    out.append(f.faultCode)",
                    "print(json.dumps(out))");
            Process p = new ProcessBuilder("python3", "-c", client).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(printed).isEqualTo("[5, 2147483648, true, 7, \"refused: x\", 1]");
        });
    }
}
