package io.skitai.atila.apps;

import io.skitai.atila.Atila;
import io.skitai.atila.Maintain;
import io.skitai.atila.OnBroadcast;
import io.skitai.atila.Param;
import io.skitai.atila.Route;
import io.skitai.core.ArgOpt;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import io.skitai.was.Was;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;

/**
 * An Atila service using the state its workers share, the way the README shows it; with
 * {@code --redis=redis://...} the state lives on Redis instead of the mapped file.
 */
public final class StateMain {

    private StateMain() {}

    public static void main(String[] args) {
        ArgOpt opts = Skitai.argopt(args, "", "redis=");
        opts.get("--redis").ifPresent(Skitai::shareStateOnRedis);
        Skitai.deflu("users", "photos");
        Skitai.defgs("nodes", "counter");
        Atila app = Atila.create().register(new Routes());
        app.config().put("maintainInterval", 0.2);
        Skitai.mount("/", app);
        Skitai.run(Run.port(5000).name("state").args(args));
    }

    /** Each answer carries the pid of the worker that gave it. */
    public static final class Routes {
        private final List<String> changes = new CopyOnWriteArrayList<>();
        private final List<String> events = new CopyOnWriteArrayList<>();
        private volatile long nodesSeen;

        /** The setgs event, raised in the worker that set the value (the Python docs' on_broadcast(key)). */
        @OnBroadcast("nodes")
        public void nodesSet(long value, Object... info) {
            events.add("nodes=" + value + " " + List.of(info));
        }

        /** Every worker notices a new value in its maintenance task and tells its own apps. */
        @Maintain
        public void watchNodes(Was was) {
            long nodes = was.getgs("nodes");
            if (nodes != nodesSeen) {
                nodesSeen = nodes;
                was.broadcast("cluster:nodes", nodes);
            }
        }

        @OnBroadcast("cluster:nodes")
        public void nodesNoticed(Was was, long value) {
            events.add("noticed nodes=" + value + " at " + was.basepath() + " without a request: " + !was.hasRequest());
        }

        @Route("/events")
        public Map<String, Object> events() {
            return answer("events", List.copyOf(events));
        }

        @Route("/shutdown")
        public Map<String, Object> shutdown(Was was) {
            was.shutdown();
            return answer("stopping", "worker");
        }

        @Route("/shutdown-server")
        public Map<String, Object> shutdownServer(Was was) {
            was.shutdownServer();
            return answer("stopping", "server");
        }

        @Route("/restart")
        public Map<String, Object> restart(Was was) {
            was.restart();
            return answer("restarting", "worker");
        }

        private static Map<String, Object> answer(String key, Object value) {
            return Map.of("pid", ProcessHandle.current().pid(), key, value);
        }

        @OnBroadcast("model-changed:users")
        public void usersChanged(Was was) {
            changes.add("users at " + was.request().path());
        }

        @Route("/setgs/{key}/{value}")
        public Map<String, Object> setgs(Was was, String key, long value) {
            was.setgs(key, value, "from", ProcessHandle.current().pid());
            return answer("value", value);
        }

        @Route("/getgs/{key}")
        public Map<String, Object> getgs(Was was, String key) {
            return answer("value", was.getgs(key));
        }

        @Route("/setlu/{key}")
        public Map<String, Object> setlu(Was was, String key) {
            return answer("time", was.setlu(key));
        }

        @Route("/getlu")
        public Map<String, Object> getlu(Was was, @Param String keys) {
            return answer("time", was.getlu(keys.split(",")));
        }

        @Route("/changes")
        public Map<String, Object> changes() {
            return answer("changes", List.copyOf(changes));
        }

        @Route("/undeclared")
        public Map<String, Object> undeclared(Was was) {
            try {
                was.setgs("nodez", 1);
                return answer("error", "none");
            } catch (IllegalArgumentException e) {
                return answer("error", e.getMessage());
            }
        }

        /** Read, wait, write: only correct when the lock excludes the other worker. */
        @Route("/increment")
        public Map<String, Object> increment(Was was) throws InterruptedException {
            Lock lock = was.getLock("counter");
            lock.lock();
            try {
                long v = was.getgs("counter");
                Thread.sleep(3);
                was.setgs("counter", v + 1);
                return answer("value", v + 1);
            } finally {
                lock.unlock();
            }
        }

        @Route("/status")
        public Object status(Was was) {
            return was.status();
        }

        @Route("/status.html")
        public String statusPage(Was was) {
            return was.status().toHtml();
        }
    }
}
