package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Aliases in the Python server syntax: [user:password@]host[:port][/path] [weight]. */
class AliasTest {

    @Test
    void parsesThePythonServerSyntax() {
        Alias a = Alias.of("@members", Proto.HTTPS, "user:p%40ss@members.example.com:5001/api 10", "m2.example.com",
                "[::1]:8080 2");
        assertThat(a.name()).isEqualTo("@members");
        assertThat(a.members()).containsExactly(
                new Alias.Member("members.example.com", 5001, Optional.of("user"), Optional.of("p@ss"), "/api", 10),
                new Alias.Member("m2.example.com", 443, Optional.empty(), Optional.empty(), "", 1),
                new Alias.Member("::1", 8080, Optional.empty(), Optional.empty(), "", 2));
        assertThat(a.members().get(0).toString()).doesNotContain("p@ss");
        assertThat(Alias.of("plain", Proto.HTTP, "h").name()).isEqualTo("@plain");
        assertThat(Alias.of("@x", Proto.HTTP, "h").members().get(0).port()).isEqualTo(80);
    }

    @Test
    void keepsRoleAndSource() {
        Alias a = Alias.of("@m", Proto.HTTP, "h").role("admin").source("172.30.1.0/24, 192.168.1/24");
        assertThat(a.role()).contains("admin");
        assertThat(a.source()).isEqualTo(List.of("172.30.1.0/24", "192.168.1/24"));
    }

    @Test
    void malformedServersFailWithAnIdAndWithoutThePassword() {
        assertThatThrownBy(() -> Alias.of("@m", Proto.HTTP, "user:secret@host:99999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SKITAI-C041 alias @m")
                .hasMessageContaining("1-65535").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Alias.of("@m", Proto.HTTP, "host:80 heavy")).hasMessageContaining("weight");
        assertThatThrownBy(() -> Alias.of("@m", Proto.HTTP, "host 0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Alias.of("@m", Proto.HTTP)).hasMessageContaining("at least one server");
        assertThatThrownBy(() -> Alias.of("bad name", Proto.HTTP, "h")).hasMessageStartingWith("SKITAI-C040");
        assertThatThrownBy(() -> Alias.of("@m", Proto.HTTP, "u:%4@h")).hasMessageContaining("two hex digits");
    }

    @Test
    void serversKeepTheirAliasesAndRefuseANegativeCacheSize() {
        ServerBuilder s = ServerBuilder.create();
        s.alias("@a", Proto.HTTP, "h1");
        s.alias(Alias.of("@b", Proto.WSS, "h2"));
        assertThat(s.aliases()).containsOnlyKeys("@a", "@b");
        assertThatThrownBy(() -> s.setMaxRcache(-1)).hasMessageStartingWith("SKITAI-C042");
    }

    @Test
    void databaseMembersNameTheirDatabaseAndSqliteMembersAreFiles() {
        Alias pg = Alias.of("@db", Db.POSTGRESQL, "app:p%40ss@10.0.0.5/notes 20", "10.0.0.6:6432/notes");
        assertThat(pg.db()).contains(Db.POSTGRESQL);
        assertThat(pg.members().get(0)).isEqualTo(new Alias.Member("10.0.0.5", 5432, java.util.Optional.of("app"),
                java.util.Optional.of("p@ss"), "/notes", 20));
        assertThat(pg.members().get(1).port()).isEqualTo(6432);
        Alias lite = Alias.of("@lite", Db.SQLITE3, "data/app one.db 3");
        assertThat(lite.members().get(0).path()).isEqualTo("data/app one.db");
        assertThat(lite.members().get(0).weight()).isEqualTo(3);
        assertThatThrownBy(pg::proto).isInstanceOf(IllegalStateException.class).hasMessageContaining("SKITAI-C093");
    }

    @Test
    void aMalformedDatabaseMemberFailsNamingItWithoutItsPassword() {
        assertThatThrownBy(() -> Alias.of("@db", Db.POSTGRESQL, "app:s3cret@10.0.0.5:port/notes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@db")
                .hasMessageContaining("not a number").hasMessageNotContaining("s3cret");
    }
}
