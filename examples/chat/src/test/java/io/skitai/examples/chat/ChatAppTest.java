package io.skitai.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.testkit.TestWebSocket;
import org.junit.jupiter.api.Test;

/** The chat example over the JDK's websocket client: the page, a room of two, the JSON echo. */
class ChatAppTest {

    @Test
    void twoClientsChatAndTheEchoAnswersJson() {
        ServerBuilder config = ServerBuilder.create();
        ChatApp.mount(config);
        TestKit.serve(config, cli -> {
            assertThat(cli.get("/").text()).contains("new WebSocket(");
            try (TestWebSocket ann = cli.ws("/chat?room=t")) {
                String entered = ann.nextText();
                assertThat(entered).matches("Client \\d+ has entered");
                String annId = entered.split(" ")[1];
                try (TestWebSocket bob = cli.ws("/chat?room=t")) {
                    String bobEntered = ann.nextText();
                    assertThat(bob.nextText()).isEqualTo(bobEntered);
                    bob.send("hi ann");
                    String said = bobEntered.replace("has entered", "said: hi ann");
                    assertThat(bob.nextText()).isEqualTo(said);
                    assertThat(ann.nextText()).isEqualTo(said);
                }
                assertThat(ann.nextText()).matches("Client \\d+ has left").doesNotContain(annId);
            }
            try (TestWebSocket echo = cli.ws("/echo")) {
                echo.send("{\"n\":1}");
                assertThat(echo.nextText()).contains("\"echo\":{\"n\":1}");
            }
        });
    }
}
