package io.skitai.examples.atila;

import io.skitai.atila.Atila;
import io.skitai.core.Run;
import io.skitai.core.Skitai;

/**
 * An Atila app: a Pebble page on {@code /}, a JSON endpoint on {@code /users/{id}}, a form post on
 * {@code /items}, an {@code item-added} event and a friendly 404 page.
 *
 * <pre>java -jar examples/atila-app/target/atila-app.jar --skitai-port=18080</pre>
 */
public final class AtilaApp {

    private AtilaApp() {}

    /** The app, ready to mount. */
    public static Atila app() {
        return Atila.create().register(new Items());
    }

    public static void main(String[] args) {
        Skitai.mount("/", app());
        Skitai.run(Run.port(5000).name("atila-app").args(args));
    }
}
