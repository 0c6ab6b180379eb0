package io.skitai.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.core.TxId;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Was.current()} inside a servlet: upstream calls with the request's transaction ids. */
class WasInServletTest {

    private static SkitaiServer upstream;

    @BeforeAll
    static void startUpstream() {
        upstream = SkitaiServer.create(config -> config.mount("/users", ex -> ex.json(Map.of(
                "name", "hans", "path", ex.pathInfo(), "gtxid", ex.header(TxId.GTXID_HEADER).orElse("-")))));
        upstream.start(TestKit.run());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    /** Fires two upstream calls, then waits for both. */
    public static class UsersServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Was was = Was.current();
            var first = was.get("@up/users" + req.getPathInfo());
            var second = was.get("@up/users/second");
            @SuppressWarnings("unchecked") Map<String, Object> a = (Map<String, Object>) first.dispatch(5).data();
            @SuppressWarnings("unchecked") Map<String, Object> b = (Map<String, Object>) second.dispatch(5).data();
            resp.setContentType("text/plain");
            resp.getWriter().print(a.get("name") + " " + a.get("path") + " " + b.get("path")
                    + " same-gtxid=" + a.get("gtxid").equals(was.gtxid()));
        }
    }

    @Test
    void aServletCallsUpstreamsWithWas() {
        ServerBuilder server = ServerBuilder.create();
        server.alias("@up", Proto.HTTP, "127.0.0.1:" + upstream.port());
        server.mount("/app", Servlets.of(UsersServlet.class));
        TestKit.serve(server, cli -> assertThat(cli.get("/app/7").text()).isEqualTo("hans /7 /second same-gtxid=true"));
    }
}
