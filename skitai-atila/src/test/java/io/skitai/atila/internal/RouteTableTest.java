package io.skitai.atila.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table(String... routes) {
        RouteTable<String> t = new RouteTable<>();
        for (String r : routes) {
            String[] mp = r.split(" ");
            t.add(mp[0], PathTemplate.parse(mp[1]), r);
        }
        return t;
    }

    @Test
    void resolvesEveryRouteOfALargeTable() {
        RouteTable<String> t = new RouteTable<>();
        for (int i = 0; i < 500; i++) {
            t.add("GET", PathTemplate.parse("/r" + i + "/items"), "list" + i);
            t.add("GET", PathTemplate.parse("/r" + i + "/items/{id:int}"), "item" + i);
            t.add("POST", PathTemplate.parse("/r" + i + "/items/{id:int}"), "update" + i);
            t.add("GET", PathTemplate.parse("/r" + i + "/items/{slug}/tags"), "tags" + i);
            t.add("GET", PathTemplate.parse("/r" + i + "/files/{rest:path}"), "files" + i);
        }
        assertThat(t.size()).isEqualTo(2500);
        for (int i = 0; i < 500; i += 7) {
            assertThat(t.find("GET", "/r" + i + "/items").target()).isEqualTo("list" + i);
            var item = t.find("GET", "/r" + i + "/items/" + i);
            assertThat(item.target()).isEqualTo("item" + i);
            assertThat(item.variables()).isEqualTo(Map.of("id", String.valueOf(i)));
            assertThat(t.find("POST", "/r" + i + "/items/3").target()).isEqualTo("update" + i);
            var tags = t.find("GET", "/r" + i + "/items/abc/tags");
            assertThat(tags.target()).isEqualTo("tags" + i);
            assertThat(tags.variables()).isEqualTo(Map.of("slug", "abc"));
            var files = t.find("GET", "/r" + i + "/files/a/b/c.txt");
            assertThat(files.target()).isEqualTo("files" + i);
            assertThat(files.variables()).isEqualTo(Map.of("rest", "a/b/c.txt"));
        }
        assertThat(t.find("GET", "/r500/items").target()).isNull();
        assertThat(t.find("GET", "/r1/items/abc").target()).isNull();
    }

    @Test
    void literalsWinOverTypedVariablesWhichWinOverPlainOnes() {
        RouteTable<String> t = table("GET /a/new", "GET /a/{id:int}", "GET /a/{big:long}", "GET /a/{name}");
        assertThat(t.find("GET", "/a/new").target()).isEqualTo("GET /a/new");
        assertThat(t.find("GET", "/a/42").target()).isEqualTo("GET /a/{id:int}");
        assertThat(t.find("GET", "/a/99999999999").target()).isEqualTo("GET /a/{big:long}");
        assertThat(t.find("GET", "/a/999999999999999999999").target()).isEqualTo("GET /a/{name}");
        assertThat(t.find("GET", "/a/x1").target()).isEqualTo("GET /a/{name}");
    }

    @Test
    void backtracksWhenADeeperSegmentFails() {
        RouteTable<String> t = table("GET /a/{id:int}/x", "GET /a/{name}/y");
        var m = t.find("GET", "/a/5/y");
        assertThat(m.target()).isEqualTo("GET /a/{name}/y");
        assertThat(m.variables()).isEqualTo(Map.of("name", "5"));
    }

    @Test
    void reportsAllowedMethodsWhenOnlyTheMethodMisses() {
        RouteTable<String> t = table("GET /p/{id:int}", "DELETE /p/{id:int}", "PUT /p/{name}");
        var m = t.find("POST", "/p/3");
        assertThat(m.target()).isNull();
        assertThat(m.allowed()).isEqualTo(Set.of("GET", "DELETE", "PUT"));
        assertThat(t.find("PUT", "/p/3").target()).isEqualTo("PUT /p/{name}");
        assertThat(t.find("HEAD", "/p/3").target()).isEqualTo("GET /p/{id:int}");
        assertThat(t.find("GET", "/q").allowed()).isEmpty();
    }

    @Test
    void rootTrailingSlashAndCatchAllEdges() {
        RouteTable<String> t = table("GET /", "GET /files/{rest:path}", "GET /x/y");
        assertThat(t.find("GET", "").target()).isEqualTo("GET /");
        assertThat(t.find("GET", "/").target()).isEqualTo("GET /");
        assertThat(t.find("GET", "/x/y/").target()).isEqualTo("GET /x/y");
        assertThat(t.find("GET", "/files").variables()).isEqualTo(Map.of("rest", ""));
        assertThat(t.find("GET", "/x").target()).isNull();
    }

    @Test
    void rejectsDuplicateAndMalformedRoutes() {
        assertThatThrownBy(() -> table("GET /a/{id}", "GET /a/{other}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two routes for GET /a/{other}");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{rest:path}/b")).hasMessageContaining("must be the last segment");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{x:float}")).hasMessageContaining("unknown variable type 'float'");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{x}/{x}")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> PathTemplate.parse("/a/b{x}")).hasMessageContaining("whole segment");
    }

    @Test
    void expandsTemplatesForUrlFor() {
        assertThat(PathTemplate.parse("/pets/{id:int}/files/{rest:path}").expand(new Object[] {7, "a b/c"}))
                .isEqualTo("/pets/7/files/a%20b/c");
        assertThat(PathTemplate.parse("/").expand(new Object[0])).isEqualTo("/");
    }
}
