package io.skitai.examples.hello;

import io.skitai.core.Run;
import io.skitai.core.Skitai;
import java.util.Map;

/**
 * The smallest Skitai program: a plain handler on {@code /}, a JSON endpoint on {@code /json} and
 * the static directory that ships beside the jar on {@code /static}.
 *
 * <pre>java -jar examples/hello/target/hello.jar --skitai-port=18080</pre>
 */
public final class HelloApp {

    private HelloApp() {}

    public static void main(String[] args) {
        Skitai.mount("/", exchange -> exchange.send("Hello World"));
        Skitai.mount("/json", exchange -> exchange.json(Map.of("message", "Hello World")));
        Skitai.mount("/static", Skitai.abspath("static"));
        Skitai.run(Run.port(5000).name("hello").args(args));
    }
}
