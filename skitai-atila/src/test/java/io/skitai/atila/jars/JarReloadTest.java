package io.skitai.atila.jars;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloader: a replaced app jar is reloaded in a new class loader without failing a request. */
class JarReloadTest {

    @TempDir
    Path dir;
    private PetsJars pets;
    private Path jar;

    @BeforeEach
    void writeFirstVersion() throws Exception {
        Witness.EVENTS.clear();
        pets = PetsJars.compile(dir);
        jar = pets.write(dir.resolve("pets.jar"), "v1");
    }

    static ServerBuilder reloading(Path jar) {
        ServerBuilder config = ServerBuilder.create();
        config.mount("/pets", jar).pref(Pref.create().useReloader(true).reloadInterval(Duration.ofMillis(20)));
        return config;
    }

    /** Asks until the answer is {@code expected} (the reloader acts on its own thread); how many requests it took. */
    static int awaitAnswer(TestClient client, String path, String expected) throws InterruptedException {
        int asked = 1;
        for (int i = 0; i < 3000 && !client.get(path).text().equals(expected); i++) {
            Thread.sleep(10);
            asked++;
        }
        assertThat(client.get(path).text()).isEqualTo(expected);
        return asked + 1;
    }

    @Test
    void replacingTheJarUnderLoadFailsNoRequestAndServesTheNewVersionAfterwards() throws Exception {
        TestKit.serve(reloading(jar), client -> {
            assertThat(client.get("/pets/").text()).isEqualTo("pets v1");
            AtomicInteger served = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch sawV2 = new CountDownLatch(1);
            CountDownLatch sawV3 = new CountDownLatch(1);
            AtomicBoolean enough = new AtomicBoolean();
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                loops.add(CompletableFuture.runAsync(() -> {
                    int mine = 0;
                    while (!enough.get() || mine < 500) {
                        try {
                            var r = client.get("/pets/");
                            String body = r.text();
                            if (r.status() != 200 || !body.matches("pets v[123]")) {
                                failed.incrementAndGet();
                                failures.add(r.status() + " " + body);
                            }
                            (body.equals("pets v2") ? sawV2 : body.equals("pets v3") ? sawV3 : new CountDownLatch(0)).countDown();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            failures.add(e.toString());
                        }
                        mine++;
                        served.incrementAndGet();
                    }
                }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
            }
            while (served.get() < 300) {
                Thread.sleep(5);
            }
            pets.write(jar, "v2");
            assertThat(sawV2.await(60, TimeUnit.SECONDS)).isTrue();
            pets.write(jar, "v3");
            assertThat(sawV3.await(60, TimeUnit.SECONDS)).isTrue();
            enough.set(true);
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            System.out.printf("reload under load: %d requests, %d failed%n", served.get(), failed.get());
            assertThat(served.get()).isGreaterThanOrEqualTo(2000);
            assertThat(failures).isEmpty();
            assertThat(failed.get()).isZero();
            assertThat(client.get("/pets/").text()).isEqualTo("pets v3");
            assertThat(Witness.EVENTS).containsSubsequence("v1 mounted", "v1 beforeReload", "v2 mounted", "v2 reloaded",
                    "v2 beforeReload", "v3 mounted", "v3 reloaded");
        });
        assertThat(Witness.EVENTS).contains("v1 umounted", "v2 umounted", "v3 umounted");
        try (var copies = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(copies.filter(p -> p.getFileName().toString().startsWith("skitai-app-")
                    && p.getFileName().toString().endsWith("-pets.jar"))).as("the private copies of the jar are deleted").isEmpty();
        }
    }

    @Test
    void aRequestInFlightFinishesOnTheOldVersion() throws Exception {
        Witness.slowEntered = new CountDownLatch(1);
        Witness.slowRelease = new CountDownLatch(1);
        TestKit.serve(reloading(jar), client -> {
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> client.get("/pets/slow").text());
            assertThat(Witness.slowEntered.await(30, TimeUnit.SECONDS)).isTrue();
            pets.write(jar, "v2");
            awaitAnswer(client, "/pets/", "pets v2");
            assertThat(Witness.EVENTS).as("v1 stays open while its request runs").doesNotContain("v1 umounted");
            Witness.slowRelease.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("slow v1");
            for (int i = 0; i < 3000 && !Witness.EVENTS.contains("v1 umounted"); i++) {
                Thread.sleep(10);
            }
            assertThat(Witness.EVENTS).containsSubsequence("v1 beforeReload", "v2 reloaded", "v1 umounted");
        });
    }

    @Test
    void aBrokenNewJarKeepsTheOldVersionServing() throws Exception {
        BlockingQueue<String> refusals = new LinkedBlockingQueue<>();
        Logger log = Logger.getLogger("io.skitai.core");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String text = r.getMessage();
                if (text != null && text.contains("SKITAI-C144")) {
                    refusals.add(text);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(capture);
        try {
            TestKit.serve(reloading(jar), client -> {
                assertThat(client.get("/pets/").text()).isEqualTo("pets v1");

                Path garbage = Files.writeString(dir.resolve("garbage.tmp"), "not a zip file");
                Files.move(garbage, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertThat(refusals.poll(60, TimeUnit.SECONDS)).contains("does not load").contains("pets.jar#1 keeps serving");
                assertThat(client.get("/pets/").text()).isEqualTo("pets v1");

                pets.writeFailing(jar, "v2");
                assertThat(refusals.poll(60, TimeUnit.SECONDS)).contains("the new app failed to start");
                assertThat(client.get("/pets/").text()).isEqualTo("pets v1");

                pets.write(jar, "v3");
                awaitAnswer(client, "/pets/", "pets v3");
            });
        } finally {
            log.removeHandler(capture);
        }
        assertThat(refusals).isEmpty();
        assertThat(Witness.EVENTS).doesNotContain("v2 mounted", "v2 reloaded");
    }
}
