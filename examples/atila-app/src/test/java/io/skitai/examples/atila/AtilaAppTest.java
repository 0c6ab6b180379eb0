package io.skitai.examples.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.SkitaiTest;
import io.skitai.testkit.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's main class started in its own JVM, each endpoint over a real socket. */
@SkitaiTest(app = AtilaApp.class)
class AtilaAppTest {

    @Test
    void indexRendersTheItemsWithRouteUrls(TestClient cli) {
        var res = cli.get("/");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.contentType()).startsWith("text/html");
        assertThat(res.text()).contains("<li>apple</li>", "<li>banana</li>", "action=\"/items\"", "href=\"/users/7\"");
    }

    @Test
    void userIsJsonWithOptionalFields(TestClient cli) {
        var res = cli.get("/users/42");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.contentType()).startsWith("application/json");
        assertThat(res.<Map<String, Object>>data())
                .isEqualTo(Map.of("id", 42, "name", "user42", "email", "user42@example.com", "active", true));
        assertThat(cli.get("/users/43", Map.of("fields", "id,name")).<Map<String, Object>>data())
                .isEqualTo(Map.of("id", 43, "name", "user43"));
        assertThat(cli.get("/users/abc").status()).isEqualTo(404);
    }

    @Test
    void formPostAddsAnItemRaisesTheEventAndRedirects(TestClient cli) {
        var res = cli.postForm("/items", Map.of("name", "cherry <3"));
        assertThat(res.status()).isEqualTo(303);
        assertThat(res.header("Location")).contains("/");
        String page = cli.get("/").text();
        assertThat(page).contains("<li>cherry &lt;3</li>");
        assertThat(page).doesNotContain("id=\"added\">0<");
        assertThat(cli.postForm("/items", Map.of("name", " ")).status()).isEqualTo(400);
    }

    @Test
    void unknownPagesGetAFriendly404(TestClient cli) {
        var res = cli.get("/no/such/page");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.text()).contains("Nothing here", "<code>/no/such/page</code>", "href=\"/\"");
    }
}
