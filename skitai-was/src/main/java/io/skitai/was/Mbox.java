package io.skitai.was;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flash messages ({@link Was#mbox()}, Python's {@code was.mbox}): kept in the user's session until
 * read, so a message sent before a redirect is shown once on the page after it.
 *
 * <pre>{@code
 * was.mbox().send("Saved", "info");
 * return Response.redirect(was.urlFor("list"));
 * ...
 * List<Mbox.Message> notes = was.mbox().get();   // shown once: read means removed
 * }</pre>
 */
public final class Mbox {

    private static final String KEY = "_mbox";

    /** One message with its category ({@code "info"} unless given). */
    public record Message(long id, String category, String text) {}

    private final Session session;

    Mbox(Session session) {
        this.session = session;
    }

    /** Keeps {@code text} in the {@code info} category. */
    public void send(String text) {
        send(text, "info");
    }

    /** Keeps {@code text} in {@code category}. */
    public void send(String text, String category) {
        List<Message> all = all();
        long id = all.stream().mapToLong(Message::id).max().orElse(0) + 1;
        all.add(new Message(id, category, text));
        session.put(KEY, all);
    }

    /** Every message, removed now (read once). */
    public List<Message> get() {
        List<Message> all = all();
        if (!all.isEmpty()) {
            session.remove(KEY);
        }
        return all;
    }

    /** The messages of {@code category}, removed now; the others stay. */
    public List<Message> get(String category) {
        List<Message> all = all();
        List<Message> taken = all.stream().filter(m -> m.category().equals(category)).toList();
        if (!taken.isEmpty()) {
            all.removeAll(taken);
            if (all.isEmpty()) {
                session.remove(KEY);
            } else {
                session.put(KEY, all);
            }
        }
        return taken;
    }

    /** The messages whose category is {@code category} or whose text contains {@code text}, left in place. */
    public List<Message> search(String category, String text) {
        return all().stream().filter(m -> (category == null || m.category().equals(category))
                && (text == null || m.text().contains(text))).toList();
    }

    /** Whether there is no message. */
    public boolean isEmpty() {
        return all().isEmpty();
    }

    private List<Message> all() {
        List<Message> out = new ArrayList<>();
        if (session.get(KEY).orElse(null) instanceof List<?> kept) {
            for (Object o : kept) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new Message(((Number) m.get("id")).longValue(), String.valueOf(m.get("category")), String.valueOf(m.get("text"))));
                }
            }
        }
        return out;
    }
}
