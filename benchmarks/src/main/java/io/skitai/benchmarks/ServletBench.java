package io.skitai.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skitai.core.Run;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.servlet.Servlets;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Both sides of {@code benchmarks/servlet.sh}: one JSON servlet ({@code GET /app/json}) mounted
 * at {@code /app} on Skitai (defaults: virtual threads, request log on), or deployed at context
 * path {@code /app} on Undertow's servlet container alone (its defaults: servlets on the XNIO worker
 * pool, no request log).
 *
 * <pre>java -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.ServletBench skitai|undertow PORT</pre>
 */
public final class ServletBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServletBench() {}

    /** {@code {"message":"Hello World"}}, serialized per request as in run.sh's JSON row. */
    public static class JsonServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = MAPPER.writeValueAsBytes(Map.of("message", "Hello World"));
            resp.setContentType("application/json");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "skitai" -> {
                ServerBuilder config = ServerBuilder.create();
                config.mount("/app", Servlets.builder().servlet("json", JsonServlet.class, "/json").build());
                SkitaiServer.create(config.build()).start(Run.port(port).address("127.0.0.1"));
            }
            case "undertow" -> {
                DeploymentInfo info = io.undertow.servlet.Servlets.deployment()
                        .setClassLoader(ServletBench.class.getClassLoader())
                        .setContextPath("/app").setDeploymentName("bench")
                        .addServlet(new ServletInfo("json", JsonServlet.class).addMapping("/json"));
                DeploymentManager manager = io.undertow.servlet.Servlets.defaultContainer().addDeployment(info);
                manager.deploy();
                Undertow.builder().addHttpListener(port, "127.0.0.1")
                        .setHandler(Handlers.path().addPrefixPath("/app", manager.start())).build().start();
            }
            default -> throw new IllegalArgumentException("ServletBench skitai|undertow PORT, got " + args[0]);
        }
        System.out.println("servlet-" + args[0] + " listening on 127.0.0.1:" + port);
    }
}
