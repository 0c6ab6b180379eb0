package io.skitai.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.HeadlessChromium;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real browser: headless Chromium opens the chat page twice, a message typed in one appears in
 * the other, and a screenshot of it is saved as {@code target/chat-browser.png}. Skipped when
 * Debian's chromium is not installed ({@code .ci/run} installs it).
 */
class ChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aMessageTypedInOnePageAppearsInTheOther() throws Exception {
        assumeTrue(HeadlessChromium.available(), HeadlessChromium.unavailableReason());
        ServerBuilder config = ServerBuilder.create();
        ChatApp.mount(config);
        TestKit.serve(config, cli -> {
            try (HeadlessChromium chromium = HeadlessChromium.launch()) {
                String url = cli.baseUrl() + "/?room=browser";
                HeadlessChromium.Page ann = chromium.open(url);
                HeadlessChromium.Page bob = chromium.open(url);
                for (HeadlessChromium.Page page : new HeadlessChromium.Page[] {ann, bob}) {
                    page.awaitText("document.getElementById('state').textContent", "connected", WAIT);
                }
                ann.eval("document.getElementById('message').focus()");
                ann.type("hello from a real browser");
                ann.eval("document.querySelector('button').click()");
                String log = bob.awaitText("[...document.querySelectorAll('#log li')].map(li => li.textContent).join('\\n')",
                        "said: hello from a real browser", WAIT);
                assertThat(log).containsPattern("Client \\d+ has entered");
                Path shot = bob.screenshot(Path.of("target", "chat-browser.png"));
                assertThat(Files.size(shot)).isPositive();
            }
        });
    }
}
