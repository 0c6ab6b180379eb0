package io.skitai.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.ServerBuilder;
import io.skitai.testkit.TestKit;
import io.skitai.was.Was;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Jakarta REST Application (Jersey) mounted on the engine, answering JSON at its mount point. */
class JakartaRestTest {

    /** A pet, as JSON. */
    public record Pet(int id, String name, String base) {}

    /** The resource: JSON in and out, with the base URI Jersey derives from the mount point. */
    @Path("pets")
    @Produces(MediaType.APPLICATION_JSON)
    public static class PetsResource {
        @Context
        UriInfo uri;

        @GET
        @Path("{id}")
        public Pet pet(@PathParam("id") int id) {
            return new Pet(id, "pet-" + id + (Was.current() != null ? "-with-was" : ""), uri.getBaseUri().getPath());
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Pet add(Pet pet) {
            return new Pet(pet.id() + 1, pet.name().toUpperCase(), uri.getBaseUri().getPath());
        }
    }

    /** The application: one resource class. */
    public static class PetsApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(PetsResource.class);
        }
    }

    @Test
    void aJakartaRestApplicationAnswersJsonAtItsMountPoint() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/api/v1", JakartaRest.of(PetsApplication.class));
        TestKit.serve(server, cli -> {
            var res = cli.get("/api/v1/pets/7");
            assertThat(res.status()).isEqualTo(200);
            assertThat(res.contentType()).startsWith("application/json");
            assertThat(res.<Map<String, Object>>data()).containsEntry("id", 7).containsEntry("name", "pet-7-with-was")
                    .containsEntry("base", "/api/v1/");
            assertThat(cli.post("/api/v1/pets", Map.of("id", 1, "name", "rex", "base", "")).<Map<String, Object>>data())
                    .containsEntry("id", 2).containsEntry("name", "REX");
            assertThat(cli.get("/api/v1/cats").status()).isEqualTo(404);
        });
    }

    @Test
    void anApplicationInstanceMountsToo() {
        ServerBuilder server = ServerBuilder.create();
        server.mount("/", JakartaRest.of(new PetsApplication()));
        TestKit.serve(server, cli -> assertThat(cli.get("/pets/3").<Map<String, Object>>data())
                .containsEntry("id", 3).containsEntry("base", "/"));
    }
}
