package io.skitai.atila;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.HttpError;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Routes returning a CompletableFuture, completed later by another thread, over real sockets. */
class AsyncRouteTest {

    public static class Views {
        @Route("/later")
        public CompletableFuture<Map<String, Object>> later() {
            return CompletableFuture.supplyAsync(() -> Map.of("done", true, "thread", Thread.currentThread().getName()),
                    CompletableFuture.delayedExecutor(100, MILLISECONDS));
        }

        @Route("/slow")
        public CompletableFuture<String> slow() {
            return CompletableFuture.supplyAsync(() -> "slow", CompletableFuture.delayedExecutor(500, MILLISECONDS));
        }

        @Route("/conflict")
        public CompletableFuture<String> conflict() {
            return CompletableFuture.supplyAsync(() -> {
                throw new HttpError(409, "taken");
            }, CompletableFuture.delayedExecutor(100, MILLISECONDS));
        }

        @Route("/broken")
        public CompletableFuture<String> broken() {
            return CompletableFuture.failedFuture(new IllegalStateException("secret"));
        }

        @Route("/nested")
        public CompletableFuture<CompletableFuture<String>> nested() {
            return CompletableFuture.supplyAsync(
                    () -> CompletableFuture.supplyAsync(() -> "inner", CompletableFuture.delayedExecutor(50, MILLISECONDS)),
                    CompletableFuture.delayedExecutor(50, MILLISECONDS));
        }

        @Route("/created-later")
        public Response createdLater() {
            return Response.of(201, CompletableFuture.supplyAsync(() -> Map.of("id", 7), CompletableFuture.delayedExecutor(300, MILLISECONDS)))
                    .header("Location", "/items/7");
        }

        @Route("/fast")
        public String fast() {
            return "fast";
        }
    }

    private static void serve(Run run, ThrowingConsumer<TestClient> test) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Views()));
        TestKit.serve(run, server, test);
    }

    private static void common(TestClient cli) {
        assertThat(cli.get("/later").<Map<String, Object>>data()).containsEntry("done", true);
        assertThat(cli.get("/conflict").status()).isEqualTo(409);
        var broken = cli.get("/broken");
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.text()).doesNotContain("secret");
        assertThat(cli.get("/nested").text()).isEqualTo("inner");
        assertThat(cli.get("/later").status()).isEqualTo(200);
    }

    @Test
    void futuresOnTheIoThreadWithThreadsZero() throws Exception {
        serve(Run.port(0).address("127.0.0.1").threads(0), cli -> {
            common(cli);
            // While a slow future is pending, the IO thread stays free for other requests.
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cli.get("/slow").text());
            Thread.sleep(100);
            long start = System.nanoTime();
            assertThat(cli.get("/fast").text()).isEqualTo("fast");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(300);
            assertThat(slow.join()).isEqualTo("slow");
            // A Response whose body is still to come does not hold the IO thread either.
            CompletableFuture<io.skitai.testkit.TestResponse> created = CompletableFuture.supplyAsync(() -> cli.get("/created-later"));
            Thread.sleep(100);
            start = System.nanoTime();
            assertThat(cli.get("/fast").text()).isEqualTo("fast");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(200);
            var later = created.join();
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.header("Location")).contains("/items/7");
            assertThat(later.<Map<String, Object>>data()).containsEntry("id", 7);
        });
    }

    @Test
    void futuresOnVirtualThreads() throws Exception {
        serve(Run.port(0).address("127.0.0.1"), cli -> {
            common(cli);
            assertThat(cli.get("/slow").text()).isEqualTo("slow");
        });
    }
}
