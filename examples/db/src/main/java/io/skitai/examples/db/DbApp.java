package io.skitai.examples.db;

import io.skitai.atila.Atila;
import io.skitai.core.ArgOpt;
import io.skitai.core.Db;
import io.skitai.core.Run;
import io.skitai.core.Skitai;

/**
 * A notes API on the {@code @db} alias: SQLite in a file by default, PostgreSQL by changing the
 * alias (here from the command line).
 *
 * <pre>
 * java -jar examples/db/target/db.jar --skitai-port=5000                      # SQLite: ./notes.db
 * java -jar examples/db/target/db.jar --db=/var/lib/notes/notes.db
 * java -jar examples/db/target/db.jar --postgres=app:secret@127.0.0.1:5432/notes
 * curl -d '{"body":"hello"}' -H 'Content-Type: application/json' localhost:5000/notes
 * curl localhost:5000/notes
 * </pre>
 */
public final class DbApp {

    private DbApp() {}

    /** The app, ready to mount; it calls the {@code @db} alias. */
    public static Atila app() {
        return Atila.create().register(new Notes());
    }

    public static void main(String[] args) {
        ArgOpt opts = Skitai.argopt(args, "", "db=", "postgres=");
        if (opts.get("postgres").isPresent()) {
            Skitai.alias("@db", Db.POSTGRESQL, opts.get("postgres").get());
        } else {
            Skitai.alias("@db", Db.SQLITE3, opts.get("db").orElse("notes.db"));
        }
        Skitai.mount("/", app());
        Skitai.run(Run.port(5000).name("db").args(args));
    }
}
