package io.skitai.was;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL (zonky's embedded binaries) for one test class: started before its tests (and
 * its {@code @BeforeAll} methods), closed after them. Register it with
 * {@code @RegisterExtension static final EmbeddedPg PG = new EmbeddedPg();}. {@code @Nested} classes
 * (which inherit it) share the one server of the class that registered it.
 */
final class EmbeddedPg implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres pg;
    private Class<?> owner;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (pg == null) {
            owner = context.getRequiredTestClass();
            pg = EmbeddedPostgres.builder().start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (pg != null && context.getRequiredTestClass() == owner) {
            pg.close();
            pg = null;
        }
    }

    /** The running server. */
    EmbeddedPostgres server() {
        return pg;
    }
}
