package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.servlet.Servlets;
import io.skitai.testkit.TestKit;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ServletContainerInitializer} web app mounted beside an Atila app and a static folder:
 * each answers at its own mount point, the web app with its mount point as context path.
 */
class ServletBesideAtilaTest {

    /** What a web app's initializer registers: answers with its context and the initializer's greeting. */
    public static class WebServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print(req.getServletContext().getAttribute("greeting") + " context=" + req.getContextPath()
                    + " servlet=" + req.getServletPath() + " info=" + req.getPathInfo());
        }
    }

    /** A marker the initializer is handed, as {@code @HandlesTypes} would find it. */
    public interface Module {}

    /** Sets the web app up in code, as Spring's {@code WebApplicationInitializer}s do. */
    public static class WebInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> found, ServletContext ctx) {
            ctx.setAttribute("greeting", "hello from " + found.iterator().next().getSimpleName());
            ctx.addServlet("web", new WebServlet()).addMapping("/app/*");
        }
    }

    /** The Atila app at the root. */
    public static class Home {
        @Route("/")
        public String home() {
            return "atila home";
        }

        @Route("/about")
        public String about() {
            return "atila about";
        }
    }

    @Test
    void aWebAppAnAtilaAppAndAStaticFolderEachAnswerAtTheirMount(@TempDir Path statics) throws IOException {
        Files.writeString(statics.resolve("site.css"), "body{}");
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Home()));
        server.mount("/static", statics);
        server.mount("/web", Servlets.initializer(WebInitializer.class, Module.class));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/web/app/orders/1").text())
                    .isEqualTo("hello from Module context=/web servlet=/app info=/orders/1");
            assertThat(cli.get("/about").text()).isEqualTo("atila about");
            assertThat(cli.get("/").text()).isEqualTo("atila home");
            assertThat(cli.get("/static/site.css").text()).isEqualTo("body{}");
            assertThat(cli.get("/web/elsewhere").status()).as("nothing mapped there in the web app").isEqualTo(404);
        });
    }
}
