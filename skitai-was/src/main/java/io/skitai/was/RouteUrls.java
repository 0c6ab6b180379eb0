package io.skitai.was;

/**
 * Builds the path of a named route, below the mount point; the app serving the request provides it
 * (Atila does) and {@link Was#urlFor(String, Object...)} prefixes the mount point.
 */
@FunctionalInterface
public interface RouteUrls {

    /**
     * The path of the route called {@code routeName} with its variables filled from {@code args} in
     * order, e.g. {@code "/pets/7"}; throws {@link IllegalArgumentException} for an unknown name or
     * the wrong number of arguments.
     */
    String urlFor(String routeName, Object... args);

    /** Route URLs for requests not served by an app that names its routes: every call fails. */
    static RouteUrls none() {
        return (name, args) -> {
            throw new IllegalStateException("urlFor(\"" + name + "\"): the app serving this request does not name its routes");
        };
    }
}
