package io.skitai.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A real browser: headless Chromium opens the chat page twice, a message typed in one appears in
 * the other, and a screenshot of it is saved as {@code target/chat-browser.png}. Skipped when
 * Debian's chromium is not installed ({@code .ci/run} installs it).
 */
class ChatBrowserTest {

    @Test
    void aMessageTypedInOnePageAppearsInTheOther() throws Exception {
        assumeTrue(Files.isExecutable(Cdp.CHROMIUM), "chromium is not installed (apt-get install chromium)");
        ServerBuilder config = ServerBuilder.create();
        ChatApp.mount(config);
        TestKit.serve(config, cli -> {
            try (Cdp chromium = new Cdp()) {
                String page = cli.baseUrl() + "/?room=browser";
                String ann = chromium.open(page);
                String bob = chromium.open(page);
                for (String session : new String[] {ann, bob}) {
                    awaitText(chromium, session, "document.getElementById('state').textContent", "connected");
                }
                chromium.eval(ann, "document.getElementById('message').focus()");
                chromium.type(ann, "hello from a real browser");
                chromium.eval(ann, "document.querySelector('button').click()");
                String log = awaitText(chromium, bob, "[...document.querySelectorAll('#log li')].map(li => li.textContent).join('\\n')",
                        "said: hello from a real browser");
                assertThat(log).containsPattern("Client \\d+ has entered");
                Path shot = Path.of("target", "chat-browser.png");
                Files.write(shot, chromium.screenshot(bob));
                assertThat(Files.size(shot)).isPositive();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Evaluates {@code script} until its text contains {@code expected} (the page works asynchronously). */
    private static String awaitText(Cdp chromium, String session, String script, String expected) {
        for (int i = 0; i < 300; i++) {
            String value = chromium.eval(session, script);
            if (value.contains(expected)) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the page never showed '" + expected + "'");
    }
}
