package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventsTest {

    public static class Users {
        final List<String> log = new CopyOnWriteArrayList<>();

        @On("user-created")
        public void created(Was was, String name, int age) {
            log.add("created " + name + " " + age + " at " + was.request().path());
        }

        @On("user-created")
        public void alsoCreated(String name, int age) {
            log.add("also " + name);
        }

        @On("fail")
        public void fail() {
            throw new IllegalArgumentException("no way");
        }

        @On("after")
        public void after(String what) {
            log.add("after " + what);
        }

        @Route("/users/{name}")
        public List<String> create(Was was, String name) {
            was.emit("user-created", name, 42);
            return List.copyOf(log);
        }

        @Route("/fail")
        public String fail(Was was) {
            try {
                was.emit("fail");
                return "not propagated";
            } catch (IllegalArgumentException e) {
                return "propagated: " + e.getMessage();
            }
        }

        @Route("/arity")
        public String arity(Was was) {
            try {
                was.emit("user-created", "only-a-name");
                return "accepted";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }

        @Route("/later")
        public String later(Was was) {
            was.emitAfter("after", "response");
            log.add("route");
            return "done " + log;
        }
    }

    public static class Listener {
        final String name;
        final List<String> got = new CopyOnWriteArrayList<>();

        Listener(String name) {
            this.name = name;
        }

        @OnBroadcast("model-changed")
        public void changed(Was was, String key) {
            got.add(name + " got " + key + " from " + (was == null ? "none" : was.basepath()));
        }

        @Route("/change")
        public String change(Was was) {
            was.broadcast("model-changed", "users");
            return "ok";
        }
    }

    @Test
    void emitCallsEveryHandlerSynchronously() {
        Users users = new Users();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(users));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/users/kim").<List<String>>data())
                    .containsExactlyInAnyOrder("created kim 42 at /users/kim", "also kim");
        });
    }

    @Test
    void handlerExceptionsPropagateToTheEmitter() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Users()));
        TestKit.serve(server, cli -> assertThat(cli.get("/fail").text()).isEqualTo("propagated: no way"));
    }

    @Test
    void wrongArgumentCountIsAClearError() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Users()));
        TestKit.serve(server, cli -> assertThat(cli.get("/arity").text())
                .contains("SKITAI-A034 ").contains("takes 2 event argument(s), but event 'user-created' was raised with 1"));
    }

    @Test
    void emitAfterRunsOnceTheResponseIsComplete() {
        Users users = new Users();
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(users));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/later").text()).isEqualTo("done [route]");
            long deadline = System.currentTimeMillis() + 5000;
            while (users.log.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(users.log).containsExactly("route", "after response");
        });
    }

    @Test
    void broadcastReachesEveryMountedApp() {
        Listener a = new Listener("a");
        Listener b = new Listener("b");
        ServerBuilder server = ServerBuilder.create();
        Atila appA = Atila.create().register(a);
        server.mount("/a", appA);
        server.mount("/b", Atila.create().register(b));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/a/change").text()).isEqualTo("ok");
            assertThat(a.got).containsExactly("a got users from /a");
            assertThat(b.got).containsExactly("b got users from /a");
            appA.broadcast("model-changed", "pets");
            assertThat(b.got).containsExactly("b got users from /a", "b got pets from none");
        });
        a.got.clear();
        Atila other = Atila.create().register(new Listener("c"));
        ServerBuilder second = ServerBuilder.create();
        second.mount("/", other);
        TestKit.serve(second, cli -> cli.get("/change"));
        assertThat(a.got).as("a stopped app no longer receives broadcasts").isEmpty();
    }
}
