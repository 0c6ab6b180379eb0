package io.skitai.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Exchange;
import io.skitai.core.Pref;
import io.skitai.core.ServerBuilder;
import io.skitai.core.ServerContext;
import io.skitai.testkit.TestKit;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servlets mounted on the engine, over real sockets: paths, threads, limits, log, hosts, filters, errors. */
class ServletAppTest {

    /** Answers with where it was mounted and how the path was split. */
    public static class PathServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("context=" + req.getContextPath() + " servlet=" + req.getServletPath()
                    + " info=" + req.getPathInfo() + " uri=" + req.getRequestURI() + " q=" + req.getParameter("q")
                    + " virtual=" + Thread.currentThread().isVirtual()
                    + " exchange=" + Exchange.current().map(Exchange::mountPoint).orElse("none")
                    + " server=" + (req.getServletContext().getAttribute(ServletApp.SERVER_ATTRIBUTE) instanceof ServerContext));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = req.getInputStream().readAllBytes();
            resp.getWriter().print("read " + body.length);
        }
    }

    /** Fails with a message that must not reach the client. */
    public static class FailingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("secret-detail-42");
        }
    }

    /** Answers later, from another thread, through startAsync. */
    public static class AsyncServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                    async.getResponse().getWriter().print("later");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        }
    }

    /** A servlet filter that tags the response. */
    public static class TagFilter implements jakarta.servlet.Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ((HttpServletResponse) response).setHeader("X-Servlet-Filter", "yes");
            chain.doFilter(request, response);
        }
    }

    @Test
    void aServletAnswersBelowItsMountWithTheMountPointAsContextPath() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/hello", Servlets.of(PathServlet.class));
        server.mount("/", ex -> ex.send("root handler"));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/hello/a/b?q=1").text()).isEqualTo("context=/hello servlet= info=/a/b uri=/hello/a/b q=1"
                    + " virtual=true exchange=/hello server=true");
            assertThat(cli.get("/other").text()).isEqualTo("root handler");
        });
    }

    @Test
    void aBuilderMapsServletsAndFiltersRelativeToTheMount() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/shop", Servlets.builder()
                .servlet("paths", PathServlet.class, "/cart/*")
                .servlet("async", AsyncServlet.class, "/later")
                .filter("tag", TagFilter.class, "/cart/*")
                .build());
        TestKit.serve(server, cli -> {
            var cart = cli.get("/shop/cart/7");
            assertThat(cart.text()).startsWith("context=/shop servlet=/cart info=/7 uri=/shop/cart/7");
            assertThat(cart.header("X-Servlet-Filter")).contains("yes");
            var later = cli.get("/shop/later");
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.text()).isEqualTo("later");
            assertThat(later.header("X-Servlet-Filter")).isEmpty();
            assertThat(cli.get("/shop/nothing-here").status()).isEqualTo(404);
        });
    }

    @Test
    void aFailingServletIsA500WithoutItsMessage() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/fail", Servlets.of(FailingServlet.class));
        TestKit.serve(server, cli -> {
            var res = cli.get("/fail/x");
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.text()).doesNotContain("secret-detail-42").doesNotContain("IllegalStateException");
            assertThat(cli.get("/fail/x").status()).as("the connection and the app still serve").isEqualTo(500);
        });
    }

    @Test
    void onTheIoThreadAServletIsRefusedWithA500() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/hello", Servlets.of(PathServlet.class));
        server.mount("/", ex -> ex.send("io thread"));
        TestKit.serve(TestKit.run().threads(0), server, cli -> {
            assertThat(cli.get("/hello/x").status()).isEqualTo(500);
            assertThat(cli.get("/x").text()).as("handlers still serve").isEqualTo("io thread");
        });
    }

    @Test
    void theMountsBodyLimitRefusesALargerBodyWith413() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/up", Servlets.of(PathServlet.class)).pref(Pref.create().maxPostBodySize(1000));
        TestKit.serve(server, cli -> {
            assertThat(cli.post("/up/x", new byte[900], "application/octet-stream").text()).isEqualTo("read 900");
            assertThat(cli.post("/up/x", new byte[5000], "application/octet-stream").status()).isEqualTo(413);
        });
    }

    @Test
    void theEngineFiltersVirtualHostsAndRequestLogApply(@TempDir Path logs) throws IOException {
        ServerBuilder server = ServerBuilder.create().enableFileLogging(logs);
        server.mount("/v", Servlets.of(PathServlet.class)).host("servlets.example")
                .filter(next -> ex -> {
                    ex.header("X-Skitai-Filter", "mount");
                    next.handle(ex);
                });
        TestKit.serve(server, cli -> {
            var res = cli.request("GET", "/v/logged").header("Host", "servlets.example").send();
            assertThat(res.text()).startsWith("context=/v servlet= info=/logged");
            assertThat(res.header("X-Skitai-Filter")).contains("mount");
            assertThat(cli.get("/v/logged").status()).as("another host").isEqualTo(404);
        });
        List<String> lines = Files.readAllLines(logs.resolve("request.log"), StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(" GET /v/logged HTTP/1.1 ").contains(" 200 ")
                .containsPattern("GTID-C\\d+-R\\d+ 1000"));
    }
}
