package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.testkit.TestKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters at server and mount level, in the documented order, inside the error boundary. */
class FiltersTest {

    /** A filter that records entering and leaving in the exchange's trace. */
    private static Filter tracing(String name) {
        return Filter.named("trace " + name, next -> ex -> {
            trace(ex).add(">" + name);
            next.handle(ex);
            trace(ex).add("<" + name);
        });
    }

    private static final Key<List<String>> TRACE = Key.of("trace", castList());

    @SuppressWarnings("unchecked")
    private static Class<List<String>> castList() {
        return (Class<List<String>>) (Class<?>) List.class;
    }

    private static List<String> trace(Exchange ex) {
        return ex.get(TRACE).orElseGet(() -> {
            List<String> t = new ArrayList<>();
            ex.put(TRACE, t);
            return t;
        });
    }

    @Test
    void serverFiltersWrapMountFiltersWhichWrapTheHandler() {
        ServerBuilder config = ServerBuilder.create();
        config.filter(tracing("server1")).filter(tracing("server2"));
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        config.mount("/a", ex -> {
            trace(ex).add("handler");
            seen.add(trace(ex));
            ex.header("X-Trace", String.join(" ", trace(ex))).send("a");
        }).filter(tracing("mount1")).filter(tracing("mount2"));
        config.mount("/b", (App) mount -> ex -> ex.send(String.join(" ", trace(ex))));
        TestKit.serve(config, cli -> {
            assertThat(cli.get("/a").header("X-Trace").orElseThrow())
                    .isEqualTo(">server1 >server2 >mount1 >mount2 handler");
            assertThat(cli.get("/b").text()).as("an app's handler is wrapped by the server filters too")
                    .isEqualTo(">server1 >server2");
        });
        // The filters unwind after the response has left: read the whole trace once the server
        // has stopped, which waits for every request to end.
        assertThat(seen.get(0)).containsExactly(">server1", ">server2", ">mount1", ">mount2", "handler",
                "<mount2", "<mount1", "<server2", "<server1");
    }

    @Test
    void aFilterMayAnswerInsteadOfTheHandlerAndItsErrorsAreStatuses() {
        ServerBuilder config = ServerBuilder.create();
        config.filter(Filter.named("api key", next -> ex -> {
            if (ex.header("X-Key").isEmpty()) {
                throw new HttpError(401, "an X-Key header is required", Map.of("WWW-Authenticate", "Key"), null);
            }
            next.handle(ex);
        }));
        config.mount("/", ex -> ex.send("secret"));
        TestKit.serve(config, cli -> {
            var refused = cli.get("/");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("Key");
            assertThat(cli.request("GET", "/").header("X-Key", "k").send().text()).isEqualTo("secret");
        });
    }

    @Test
    void filtersDescribeThemselvesAndAreFrozenWithTheConfiguration() {
        Filter f = tracing("x");
        assertThat(f).hasToString("trace x");
        ServerBuilder config = ServerBuilder.create();
        Mount m = config.mount("/", ex -> ex.send("x"));
        config.build();
        assertThatThrownBy(() -> config.filter(f)).hasMessageStartingWith("SKITAI-C022 filter:");
        assertThatThrownBy(() -> m.filter(f)).hasMessageStartingWith("SKITAI-C022 Mount.filter of");
        assertThatThrownBy(() -> ServerBuilder.create().mount("/", 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SKITAI-C006 cannot mount java.lang.Integer");
    }
}
