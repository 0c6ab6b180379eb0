package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Alias;
import io.skitai.core.Db;
import io.skitai.core.Exchange;
import io.skitai.core.Gateway;
import io.skitai.core.GatewayAuth;
import io.skitai.core.GatewayUser;
import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs' "Using Database Engine For Verifying Token": the gateway's {@link GatewayAuth} looks
 * opaque bearer tokens up with {@code Was.current().backend("@tokens")} (SQLite here), and the
 * expired ones it finds are deleted and refused.
 */
class GatewayTokenLookupTest {

    @TempDir
    Path dir;

    /** Finds the caller of a token in the tokens table; an expired token is deleted and refused. */
    static final class TokenTable implements GatewayAuth {
        @Override
        public Optional<GatewayUser> handleToken(String token, Exchange exchange) {
            Sql<Call> db = Was.current().backend("@tokens");
            List<?> rows = (List<?>) db.execute("SELECT username, roles, expires FROM tokens WHERE token = ?", token).dataOrThrow();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Map<?, ?> row = (Map<?, ?>) rows.get(0);
            long expires = ((Number) row.get("expires")).longValue();
            if (expires != 0 && expires < System.currentTimeMillis() / 1000) {
                db.execute("DELETE FROM tokens WHERE token = ?", token).dataOrThrow();
                return Optional.empty();
            }
            return Optional.of(new GatewayUser((String) row.get("username"), Set.of(((String) row.get("roles")).split(","))));
        }
    }

    @Test
    void opaqueTokensAreLookedUpInADatabaseThroughWas() {
        ServerBuilder upstream = ServerBuilder.create();
        upstream.mount("/", ex -> ex.send("member data for " + ex.path()));
        TestKit.serve(upstream, up -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@tokens", Db.SQLITE3, dir.resolve("tokens.db").toString());
            config.alias(Alias.of("@members", Proto.HTTP, "127.0.0.1:" + up.port()).role("admin"));
            config.mount("/members", "@members");
            config.mount("/setup", ex -> {
                Sql<Call> db = Was.current().backend("@tokens");
                db.execute("CREATE TABLE tokens (token text PRIMARY KEY, username text, roles text, expires integer)").dataOrThrow();
                db.execute("INSERT INTO tokens VALUES (?, ?, ?, ?)", "12345678-1234-123456", "hansroh", "user,admin", 0).dataOrThrow();
                db.execute("INSERT INTO tokens VALUES (?, ?, ?, ?)", "user-only-token", "kim", "user", 0).dataOrThrow();
                db.execute("INSERT INTO tokens VALUES (?, ?, ?, ?)", "expired-token", "lee", "admin", 1).dataOrThrow();
                ex.send("ok");
            });
            config.mount("/count", ex -> ex.json(Was.current().backend("@tokens").execute("SELECT count(*) AS n FROM tokens").dataOrThrow()));
            config.enableGateway(Gateway.builder().secret("8fa06210-e109-11e6-934f-001b216d6e71").auth(new TokenTable()).build());
            TestKit.serve(config, cli -> {
                assertThat(cli.get("/setup").status()).isEqualTo(200);
                assertThat(cli.request("GET", "/members/1").header("Authorization", "Bearer 12345678-1234-123456").send().text())
                        .isEqualTo("member data for /members/1");
                assertThat(cli.request("GET", "/members/1").header("Authorization", "Bearer user-only-token").send().status())
                        .as("without the alias's role").isEqualTo(403);
                assertThat(cli.request("GET", "/members/1").header("Authorization", "Bearer expired-token").send().status()).isEqualTo(401);
                assertThat(cli.request("GET", "/members/1").header("Authorization", "Bearer unknown-token").send().status()).isEqualTo(401);
                assertThat(cli.get("/count").text()).as("the expired token was deleted").contains("\"n\":2");
            });
        });
    }
}
