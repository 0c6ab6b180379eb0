package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.TestKit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    private static ServerBuilder threadReporter() {
        ServerBuilder server = ServerBuilder.create();
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

    private static ServerBuilder asyncServer() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", ex -> {
            String path = ex.pathInfo();
            if (path.equals("/fast")) {
                ex.send("fast");
                return;
            }
            long delay = path.equals("/slow") ? 500 : 100;
            CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> {
                if (path.equals("/fail")) {
                    throw new HttpError(409, "taken");
                }
                return "later";
            }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
            ex.async(later, done -> {
                if (path.equals("/empty")) {
                    return; // left unsent: the engine finishes it
                }
                Thread t = Thread.currentThread();
                done.send(later.join() + " " + (t.isVirtual() ? "virtual" : t.getName()));
            });
        });
        return server;
    }

    @Test
    void asyncOnTheIoThreadWithThreadsZero() throws Exception {
        TestKit.serve(Run.port(0).address("127.0.0.1").threads(0), asyncServer(), cli -> {
            assertThat(cli.get("/a").text()).startsWith("later XNIO-");
            assertThat(cli.get("/fail").status()).isEqualTo(409);
            var empty = cli.get("/empty");
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.text()).isEmpty();
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cli.get("/slow").text());
            Thread.sleep(100);
            long start = System.nanoTime();
            assertThat(cli.get("/fast").text()).isEqualTo("fast");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(300);
            assertThat(slow.join()).startsWith("later XNIO-");
        });
    }

    @Test
    void asyncOnVirtualThreads() throws Exception {
        TestKit.serve(Run.port(0).address("127.0.0.1"), asyncServer(), cli -> {
            assertThat(cli.get("/a").text()).isEqualTo("later virtual");
            assertThat(cli.get("/fail").status()).isEqualTo(409);
            assertThat(cli.get("/empty").status()).isEqualTo(200);
        });
    }
}
