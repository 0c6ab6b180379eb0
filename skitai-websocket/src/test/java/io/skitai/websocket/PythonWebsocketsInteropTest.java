package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code websockets} package (a client nobody here wrote; {@code .ci/run} installs it)
 * talks to a JSON echo route and a group chat. Skipped when python3 or the package is missing.
 */
class PythonWebsocketsInteropTest {

    private static final String CLIENT = String.join("\n",
            "import asyncio, json, sys",
            "from websockets.asyncio.client import connect",
            "async def main(port):",
            "    async with connect(f'ws://127.0.0.1:{port}/json') as ws:",
            "        await ws.send(json.dumps({'q': 'mozart', 'n': 2}))",
            "        print('json', await ws.recv())",
            "    async with connect(f'ws://127.0.0.1:{port}/chat?room=py') as a, connect(f'ws://127.0.0.1:{port}/chat?room=py') as b:",
            "        while True:",
            "            await a.send('who')",
            "            if await a.recv() == 'n=2': break",
            "        await a.send('hello from a')",
            "        print('a', await a.recv())",
            "        print('b', await b.recv())",
            "asyncio.run(main(int(sys.argv[1])))");


    @Test
    void pythonsWebsocketsTalksToTheEchoAndTheChat() throws Exception {
        assumeTrue(TestKit.commandSucceeds("python3", "-c", "import websockets.asyncio.client"), "python3 with the websockets package is not installed (pip install websockets)");
        ServerBuilder config = ServerBuilder.create();
        config.mount("/json", WebSocket.route(WsConfig.of(WsSpec.SIMPLE, 60, WsEncoding.JSON), Map.class,
                (client, m) -> Map.of("echo", m)));
        config.mount("/chat", WebSocket.route(WsConfig.of(WsSpec.GROUPCHAT), (client, message) ->
                message.equals("who") ? WsReply.to(client.id(), "n=" + client.room().orElseThrow().clients().size())
                        : "said: " + message));
        TestKit.serve(config, cli -> {
            try {
                Process python = new ProcessBuilder("python3", "-c", CLIENT, Integer.toString(cli.port()))
                        .redirectErrorStream(true).start();
                assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
                List<String> lines = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertThat(python.exitValue()).as(String.join("\n", lines)).isZero();
                assertThat(lines).containsExactly("json {\"echo\":{\"q\":\"mozart\",\"n\":2}}", "a said: hello from a",
                        "b said: hello from a");
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }
}
