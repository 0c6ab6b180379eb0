package io.skitai.atila.internal;

import io.skitai.was.RouteUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The templates of every named route, for {@code was.urlFor(name, args...)}. Each route is known by
 * its default name (the method name or {@code @Route(name)}) and by {@code Controller.method}
 * (the controller's simple class name), like Python's {@code was.ab("Pets.get", 45)}.
 */
public final class RouteNames implements RouteUrls {

    private final Map<String, List<PathTemplate>> byName = new HashMap<>();
    private final Map<String, Set<String>> owners = new HashMap<>();

    /**
     * Names a template. A name two methods claim is ambiguous: asking for it throws
     * {@link IllegalArgumentException} listing the owners (the qualified names still work).
     */
    public void add(String name, String owner, PathTemplate template) {
        Set<String> claimed = owners.computeIfAbsent(name, k -> new LinkedHashSet<>());
        claimed.add(owner);
        if (claimed.size() == 1) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(template);
        }
    }

    /** Names a template by {@code name} and by {@code qualifiedName} ({@code Controller.method}). */
    public void add(String name, String qualifiedName, String owner, PathTemplate template) {
        add(name, owner, template);
        if (!qualifiedName.equals(name)) {
            add(qualifiedName, owner, template);
        }
    }

    /** The path of the first template of that route taking as many variables as there are arguments. */
    @Override
    public String urlFor(String routeName, Object... args) {
        if (args == null) {
            args = new Object[0];
        }
        Set<String> claimed = owners.get(routeName);
        if (claimed == null) {
            throw new IllegalArgumentException(Messages.noRouteNamed(routeName));
        }
        if (claimed.size() > 1) {
            throw new IllegalArgumentException(Messages.ambiguousRouteName(routeName, claimed));
        }
        List<PathTemplate> templates = byName.get(routeName);
        for (PathTemplate t : templates) {
            if (t.variables().size() == args.length) {
                return t.expand(args);
            }
        }
        throw new IllegalArgumentException(Messages.routeArguments(routeName, templates.get(0).variables(), args.length));
    }
}
