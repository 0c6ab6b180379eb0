package io.skitai.examples.db;

import io.skitai.atila.Method;
import io.skitai.atila.Response;
import io.skitai.atila.Route;
import io.skitai.was.Call;
import io.skitai.was.Sql;
import io.skitai.was.Was;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notes API, written once against {@code was.backend("@db")}: the same statements run on
 * SQLite and PostgreSQL (portable SQL, {@code ?} placeholders, text ids made here).
 */
public final class Notes {

    /** A note as the API takes it. */
    public record NewNote(String body) {}

    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS notes"
            + " (id varchar(36) PRIMARY KEY, body text NOT NULL, created bigint NOT NULL)";

    private final AtomicBoolean ready = new AtomicBoolean();
    /** Creation order: microseconds since the epoch, made unique and increasing within this process. */
    private final AtomicLong clock = new AtomicLong();

    private Sql<Call> db(Was was) {
        Sql<Call> db = was.backend("@db");
        if (!ready.get()) {
            db.execute(SCHEMA).dispatchOrThrow();
            ready.set(true);
        }
        return db;
    }

    /** Every note, oldest first. */
    @Route("/notes")
    public Object list(Was was) {
        return db(was).execute("SELECT id, body FROM notes ORDER BY created, id").dispatchOrThrow().data();
    }

    /** Adds a note from a JSON body {@code {"body": "..."}}: 201 with the note. */
    @Route(value = "/notes", methods = Method.POST)
    public Response add(Was was, NewNote note) {
        if (note.body() == null || note.body().isBlank()) {
            return Response.of(400, "body must not be empty");
        }
        String id = UUID.randomUUID().toString();
        long created = clock.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        db(was).execute("INSERT INTO notes (id, body, created) VALUES (?, ?, ?)", id, note.body(), created)
                .dispatchOrThrow();
        return Response.of(201, Map.of("id", id, "body", note.body()));
    }

    /** A note as the API gives it. */
    public record Note(String id, String body) {}

    /** Every note as records, newest first. */
    @Route("/notes/latest")
    public List<Note> latest(Was was) {
        return db(was).execute("SELECT id, body FROM notes ORDER BY created DESC, id").dispatchOrThrow().rows(Note.class);
    }

    /** One note, or 404. */
    @Route("/notes/{id}")
    public Object one(Was was, String id) {
        return db(was).execute("SELECT id, body FROM notes WHERE id = ?", id).oneOrThrow(5);
    }
}
