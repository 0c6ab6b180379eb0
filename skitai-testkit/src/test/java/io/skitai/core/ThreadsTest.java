package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    private static SkitaiServer threadReporter() {
        SkitaiServer server = SkitaiServer.create();
        server.mount("/", ex -> {
            Thread t = Thread.currentThread();
            ex.send((t.isVirtual() ? "virtual" : "platform") + " " + t.getName() + " " + ex.body().length);
        });
        return server;
    }

    @Test
    void handlersRunOnVirtualThreadsByDefault() throws Exception {
        TestKit.serve(threadReporter(), cli -> assertThat(cli.get("/").text()).startsWith("virtual "));
    }

    @Test
    void threadsNCapsHandlersOnPlatformThreads() throws Exception {
        TestKit.serve(Run.port(0).threads(2), threadReporter(), cli -> {
            assertThat(cli.get("/").text()).startsWith("platform skitai-handler-");
            assertThat(cli.postForm("/", java.util.Map.of("a", "1")).text()).endsWith(" 3");
        });
    }

    @Test
    void threadsZeroRunsHandlersOnTheIoThreadWithTheBodyReadFirst() throws Exception {
        TestKit.serve(Run.port(0).threads(0), threadReporter(), cli -> {
            assertThat(cli.get("/").text()).startsWith("platform XNIO-");
            assertThat(cli.request("POST", "/").body(new byte[50_000], "application/octet-stream").send().text())
                    .endsWith(" 50000");
        });
    }
}
