package io.skitai.examples.atila;

import io.skitai.atila.ErrorHandler;
import io.skitai.atila.Method;
import io.skitai.atila.On;
import io.skitai.atila.Param;
import io.skitai.atila.Response;
import io.skitai.atila.Route;
import io.skitai.core.HttpError;
import io.skitai.was.Was;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The example's controller. */
public final class Items {

    /** A user as the JSON endpoint returns it. */
    public record User(int id, String name, String email, boolean active) {}

    private final List<String> items = new CopyOnWriteArrayList<>(List.of("apple", "banana"));
    private final AtomicInteger added = new AtomicInteger();

    /** The item list, rendered from {@code templates/index.html}. */
    @Route("/")
    public String index(Was was) {
        return was.render("index.html", Map.of("items", List.copyOf(items), "added", added.get()));
    }

    /**
     * A user as JSON; {@code ?fields=id,name} keeps only those fields. The benchmark endpoint:
     * no I/O, a record built per request.
     */
    @Route("/users/{id:int}")
    public Object user(int id, @Param(required = false) String fields) {
        User user = new User(id, "user" + id, "user" + id + "@example.com", id % 2 == 0);
        if (fields == null || fields.isEmpty()) {
            return user;
        }
        Map<String, Object> all = Map.of("id", user.id(), "name", user.name(), "email", user.email(), "active", user.active());
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields.split(",")) {
            String key = f.trim();
            if (all.containsKey(key)) {
                out.put(key, all.get(key));
            }
        }
        return out;
    }

    /** Adds an item from an urlencoded form, raises {@code item-added} and redirects to the list. */
    @Route(value = "/items", methods = Method.POST)
    public Response add(Was was, String name) {
        String item = name.trim();
        if (item.isEmpty()) {
            return Response.of(400, "name must not be empty");
        }
        items.add(item);
        was.emit("item-added", item);
        return Response.status(303).header("Location", was.urlFor("Items.index"));
    }

    /** Counts the items added since start. */
    @On("item-added")
    public void itemAdded(String item) {
        added.incrementAndGet();
    }

    /** A friendly page for unknown URLs. */
    @ErrorHandler(404)
    public String notFound(Was was, HttpError error) {
        return was.render("404.html", Map.of("path", was.request().path()));
    }
}
