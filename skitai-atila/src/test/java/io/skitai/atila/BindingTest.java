package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestKit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingTest {

    enum Color { RED, GREEN }

    record Pet(String name, int age, Color color) {}

    public static class Api {
        @Route("/search")
        public Map<String, Object> search(@Param(defaultValue = "Mozart") String keyword, @Param(defaultValue = "10") int limit,
                                          @Param(required = false) Integer page, boolean exact) {
            return Map.of("keyword", keyword, "limit", limit, "page", String.valueOf(page), "exact", exact);
        }

        @Route("/items/{id}")
        public Map<String, Object> item(long id, @Param("q") String query, Color color) {
            return Map.of("id", id, "q", query, "color", color.name());
        }

        @Route("/dates")
        public String dates(LocalDate day, @Param(required = false) Instant at) {
            return day.plusDays(1) + " " + at;
        }

        @Route("/tags")
        public List<Object> tags(List<Integer> n, @Param(defaultValue = "red,green") List<Color> colors) {
            return List.of(n, colors);
        }

        @Route(value = "/form", methods = Method.POST)
        public String form(String name, int age) {
            return name + " is " + age;
        }

        @Route(value = "/pets", methods = {Method.POST, Method.PUT})
        public Pet create(Pet pet) {
            return new Pet(pet.name().toUpperCase(), pet.age() + 1, pet.color());
        }

        @Route(value = "/raw", methods = Method.POST)
        public Map<String, Object> raw(@Body Map<String, Object> body, @Param(defaultValue = "x") String tag) {
            return Map.of("size", body.size(), "tag", tag);
        }

        @Route(value = "/pets/list", methods = Method.POST)
        public int count(@Body List<Pet> pets) {
            return pets.size();
        }
    }

    private static void serve(org.junit.jupiter.api.function.ThrowingConsumer<TestClient> test) {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Api()));
        TestKit.serve(server, test);
    }

    @Test
    void bindsQueryParametersWithDefaults() {
        serve(cli -> {
            assertThat(cli.get("/search?exact=true").<Map<String, Object>>data())
                    .isEqualTo(Map.of("keyword", "Mozart", "limit", 10, "page", "null", "exact", true));
            assertThat(cli.get("/search", Map.of("keyword", "Bach Suite", "limit", "3", "page", "2", "exact", "no")).<Map<String, Object>>data())
                    .isEqualTo(Map.of("keyword", "Bach Suite", "limit", 3, "page", "2", "exact", false));
        });
    }

    @Test
    void bindsPathVariablesBeforeQueryAndEnumsIgnoringCase() {
        serve(cli -> assertThat(cli.get("/items/42?id=1&q=hi&color=gReEn").<Map<String, Object>>data())
                .isEqualTo(Map.of("id", 42, "q", "hi", "color", "GREEN")));
    }

    @Test
    void bindsDatesInstantsAndLists() {
        serve(cli -> {
            assertThat(cli.get("/dates?day=2024-02-28&at=2024-05-01T12:00:00Z").text()).isEqualTo("2024-02-29 2024-05-01T12:00:00Z");
            assertThat(cli.get("/tags?n=1&n=2&n=3").<List<Object>>data()).isEqualTo(List.of(List.of(1, 2, 3), List.of("RED", "GREEN")));
            assertThat(cli.get("/tags?n=5&colors=GREEN").<List<Object>>data()).isEqualTo(List.of(List.of(5), List.of("GREEN")));
        });
    }

    @Test
    void bindsFormFields() {
        serve(cli -> assertThat(cli.postForm("/form", Map.of("name", "Tom & Jerry", "age", "7")).text()).isEqualTo("Tom & Jerry is 7"));
    }

    @Test
    void bindsJsonBodiesToRecordsMapsAndLists() {
        serve(cli -> {
            assertThat(cli.post("/pets", Map.of("name", "rex", "age", 3, "color", "RED")).json(Pet.class))
                    .isEqualTo(new Pet("REX", 4, Color.RED));
            assertThat(cli.put("/pets", Map.of("name", "tom", "age", 1)).json(Pet.class)).isEqualTo(new Pet("TOM", 2, null));
            assertThat(cli.post("/raw?tag=t", Map.of("a", 1, "b", 2)).<Map<String, Object>>data()).isEqualTo(Map.of("size", 2, "tag", "t"));
            assertThat(cli.post("/pets/list", List.of(Map.of("name", "a"), Map.of("name", "b"))).text()).isEqualTo("2");
            assertThat(cli.postForm("/pets", Map.of("name", "kit", "age", "2")).json(Pet.class)).isEqualTo(new Pet("KIT", 3, null));
        });
    }

    @Test
    void badOrMissingParametersAre400NamingTheParameter() {
        serve(cli -> {
            assertBad(cli, "/search?limit=abc", "SKITAI-A041 parameter 'limit' must be an integer, got 'abc'");
            assertBad(cli, "/search?exact=maybe", "SKITAI-A041 parameter 'exact' must be true or false, got 'maybe'");
            assertBad(cli, "/search", "SKITAI-A040 parameter 'exact' is required");
            assertBad(cli, "/search?exact=1&page=1.5", "SKITAI-A041 parameter 'page' must be an integer, got '1.5'");
            assertBad(cli, "/items/abc?q=x&color=red", "SKITAI-A041 parameter 'id' must be an integer, got 'abc'");
            assertBad(cli, "/items/1?color=red", "SKITAI-A040 parameter 'q' is required");
            assertBad(cli, "/items/1?q=x&color=blue", "SKITAI-A041 parameter 'color' must be one of [RED, GREEN], got 'blue'");
            assertBad(cli, "/dates?day=2024-13-01", "SKITAI-A041 parameter 'day' must be a date (yyyy-mm-dd), got '2024-13-01'");
            assertBad(cli, "/dates?day=2024-01-01&at=yesterday", "SKITAI-A041 parameter 'at' must be an ISO-8601 instant");
            assertBad(cli, "/tags?n=1&n=two", "SKITAI-A041 parameter 'n' must be an integer, got 'two'");
            assertBad(cli, "/tags", "SKITAI-A040 parameter 'n' is required");
            assertBad(cli, "/tags?n=1&colors=red,blue", "SKITAI-A041 parameter 'colors' must be one of [RED, GREEN], got 'red,blue'");
        });
    }

    @Test
    void badBodiesAre400SayingWhatIsWrong() {
        serve(cli -> {
            var malformed = cli.request("POST", "/pets").header("Accept", "application/json").body("{\"name\": ", "application/json").send();
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("detail").asText()).startsWith("SKITAI-A048 malformed JSON body for parameter 'pet'");
            var wrongType = cli.request("POST", "/pets").header("Accept", "application/json")
                    .body("{\"name\": \"a\", \"age\": \"old\"}", "application/json").send();
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.json().get("detail").asText()).startsWith("SKITAI-A048").contains("parameter 'pet'").contains("(at age)");
            var empty = cli.request("POST", "/pets").header("Accept", "application/json").body(new byte[0], "application/json").send();
            assertThat(empty.json().get("detail").asText()).isEqualTo("SKITAI-A047 parameter 'pet' needs a JSON request body, got none");
            var text = cli.post("/pets", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
            assertThat(text.status()).isEqualTo(415);
            assertThat(text.text()).contains("SKITAI-A046 parameter");
            var form = cli.request("POST", "/form").header("Accept", "application/json").body("name=a&age=%zz", "application/x-www-form-urlencoded").send();
            assertThat(form.status()).isEqualTo(400);
            assertThat(form.json().get("detail").asText()).startsWith("SKITAI-C085 malformed form body");
            var formAge = cli.postForm("/form", Map.of("name", "a", "age", "x"));
            assertThat(formAge.status()).isEqualTo(400);
            assertThat(formAge.text()).contains("SKITAI-A041 parameter &#39;age&#39; must be an integer").doesNotContain("Exception").doesNotContain("at io.");
        });
    }

    private static void assertBad(TestClient cli, String uri, String message) {
        var r = cli.request("GET", uri).header("Accept", "application/json").send();
        assertThat(r.status()).as(uri).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).as(uri).startsWith(message);
        assertThat(r.text()).as(uri).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
