package io.skitai.atila.internal;

import io.skitai.was.RouteUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The templates of every named route, for {@code was.urlFor(name, args...)}. */
public final class RouteNames implements RouteUrls {

    private final Map<String, List<PathTemplate>> byName = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();

    /** Names a template; throws {@link IllegalStateException} when two methods claim the same name. */
    public void add(String name, String owner, PathTemplate template) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalStateException("route name '" + name + "' is used by both " + previous + " and " + owner
                    + "; give one of them @Route(name = ...)");
        }
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add(template);
    }

    /** The path of the first template of that route taking as many variables as there are arguments. */
    @Override
    public String urlFor(String routeName, Object... args) {
        List<PathTemplate> templates = byName.get(routeName);
        if (templates == null) {
            throw new IllegalArgumentException("no route named '" + routeName + "'");
        }
        for (PathTemplate t : templates) {
            if (t.variables().size() == args.length) {
                return t.expand(args);
            }
        }
        throw new IllegalArgumentException("route '" + routeName + "' takes " + templates.get(0).variables()
                + ", got " + args.length + " argument(s)");
    }
}
