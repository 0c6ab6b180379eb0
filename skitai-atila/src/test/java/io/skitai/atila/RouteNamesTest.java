package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code was.urlFor("Controller.method", args...)}, Python's {@code was.ab("Pets.get", 45)}. */
class RouteNamesTest {

    public static class Pets {
        @Route("/pets")
        public String list() {
            return "pets";
        }

        @Route("/pets/{id:int}")
        public String get(int id) {
            return "pet " + id;
        }

        @Route("/links")
        public Map<String, Object> links(Was was) {
            return Map.of("qualified", was.urlFor("Pets.get", 45), "list", was.urlFor("Pets.list"),
                    "short", was.urlFor("list"), "owned", was.urlFor("Owners.pet", 1, 2));
        }

        @Route("/ambiguous")
        public String ambiguous(Was was) {
            try {
                return was.urlFor("get", 1);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }

        @Route("/page")
        public String page(Was was) {
            return was.render("pet-links.html");
        }
    }

    public static class Owners {
        @Route("/owners/{id:int}")
        public String get(int id) {
            return "owner " + id;
        }

        @Route(value = "/owners/{id:int}/pets/{pet:int}", name = "ownedPet")
        public String pet(int id, int pet) {
            return "owner " + id + " pet " + pet;
        }
    }

    @Test
    void qualifiedNamesAtTwoMountPointsAndFromTemplates() {
        Atila app = Atila.create().register(new Pets()).register(new Owners());
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", app);
        server.mount("/v1", app);
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/links").<Map<String, Object>>data()).isEqualTo(Map.of(
                    "qualified", "/pets/45", "list", "/pets", "short", "/pets", "owned", "/owners/1/pets/2"));
            assertThat(cli.get("/v1/links").<Map<String, Object>>data()).isEqualTo(Map.of(
                    "qualified", "/v1/pets/45", "list", "/v1/pets", "short", "/v1/pets", "owned", "/v1/owners/1/pets/2"));
            assertThat(cli.get("/v1/page").text())
                    .contains("href=\"/v1/pets/7\"", "href=\"/v1/pets\"", "href=\"/v1/owners/3/pets/4\"");
            assertThat(cli.get("/page").text()).contains("href=\"/pets/7\"");
        });
    }

    @Test
    void aShortNameTwoControllersShareIsAnErrorOnlyWhenUsed() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", Atila.create().register(new Pets()).register(new Owners()));
        TestKit.serve(server, cli -> {
            assertThat(cli.get("/ambiguous").text()).contains("SKITAI-A064 route name 'get' is ambiguous", "Pets", "Owners");
            assertThat(cli.get("/owners/5").text()).isEqualTo("owner 5");
        });
    }
}
