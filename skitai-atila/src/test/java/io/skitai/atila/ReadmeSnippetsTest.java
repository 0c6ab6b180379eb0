package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.JavaSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples compile as written (those about gRPC compile in skitai-was, where
 * the generated gRPC classes are). The stubs stand for what the text only names.
 */
class ReadmeSnippetsTest {

    static final List<String> IMPORTS = List.of("io.skitai.core.*", "io.skitai.was.*", "io.skitai.atila.*", "io.skitai.websocket.*",
            "io.skitai.atila.Method", "io.skitai.servlet.*", "java.util.*", "java.time.*", "java.nio.file.Path",
            "java.util.concurrent.locks.Lock", "io.skitai.testkit.TestClient", "io.skitai.testkit.TestServer",
            "io.skitai.testkit.SkitaiTest", "org.junit.jupiter.api.Test",
            "static org.assertj.core.api.Assertions.assertThat");

    static final String STUBS = """
            String[] args = {};
            Was was;
            long seen;
            App adminApp;
            io.micrometer.core.instrument.MeterRegistry otlpRegistry;
            record Pet(String name) {}
            static class MyApp implements App { public Handler start(MountInfo m) { return ex -> { }; } }
            static class PetsHandler implements Handler { public void handle(Exchange ex) { } }
            static class Pages { }
            static class HelloServlet extends jakarta.servlet.http.HttpServlet { }
            static class CartServlet extends jakarta.servlet.http.HttpServlet { }
            static class AuditFilter implements jakarta.servlet.Filter {
                public void doFilter(jakarta.servlet.ServletRequest q, jakarta.servlet.ServletResponse r, jakarta.servlet.FilterChain c) { }
            }
            static class ShopListener implements jakarta.servlet.ServletContextListener { }
            static class WebInitializer implements jakarta.servlet.ServletContainerInitializer {
                public void onStartup(Set<Class<?>> c, jakarta.servlet.ServletContext ctx) { }
            }
            interface WebModule { }
            static class PetsApplication extends jakarta.ws.rs.core.Application { }
            """;

    @Test
    void everyJavaExampleOfTheReadmeCompiles(@TempDir Path out) throws Exception {
        JavaSnippets snippets = JavaSnippets.of(Path.of("..", "README.md")).only(s -> !s.contains("Grpc"));
        assertThat(snippets.size()).as("the README's Java blocks").isGreaterThanOrEqualTo(12);
        assertThat(snippets.compile("readme", IMPORTS, STUBS, out)).isEmpty();
    }
}
