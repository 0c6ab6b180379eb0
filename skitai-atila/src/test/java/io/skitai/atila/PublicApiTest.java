package io.skitai.atila;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.App;
import io.skitai.core.Exchange;
import io.skitai.core.Upload;
import io.skitai.was.RouteUrls;
import io.skitai.was.Templates;
import io.skitai.was.Was;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Compiles against the public API of this slice, so a broken signature fails here first. */
class PublicApiTest {

    public static class Controller {
        @Route(value = {"/a/{id:int}", "/b/{id:long}"}, methods = {Method.GET, Method.POST}, name = "ab")
        public CompletableFuture<Response> route(Was was, Exchange exchange, @Param(value = "id", defaultValue = "1", required = false) long id,
                                                 @Body Map<String, Object> body) {
            Map<String, Object> g = was.g();
            String base = was.basepath();
            String url = was.urlFor("ab", id);
            long now = was.timestamp();
            Exchange same = was.request();
            String html = was.render("page.html", Map.of("id", id)) + was.render("page.html");
            return CompletableFuture.completedFuture(Response.status(204).header("X", base + url + now + g + same + exchange + html));
        }
    }

    @Test
    void compiles() {
        App app = Atila.create().register(new Controller());
        Map<String, Object> config = ((Atila) app).config();
        config.put("k", "v");
        RouteUrls urls = RouteUrls.none();
        Templates templates = Templates.none();
        Atila.create().templates("templates").templates(Path.of("templates"));
        Response r = Response.of(200, "x");
        assertThat(r.status()).isEqualTo(200);
        assertThat(urls).isNotNull();
        assertThat(templates).isNotNull();
        assertThat(Param.NONE).isNotEmpty();
        Upload u = Upload.of("f", "a.txt", "text/plain", new byte[] {1});
        assertThat(u.name() + u.filename() + u.contentType() + u.size() + u.bytes().length).isEqualTo("fa.txttext/plain11");
        Streamed s = Streamed.of("text/plain", out -> out.write(1));
        Streamed plain = out -> out.write(2);
        assertThat(s.contentType()).isEqualTo("text/plain");
        assertThat(plain.contentType()).isNull();
    }
}
