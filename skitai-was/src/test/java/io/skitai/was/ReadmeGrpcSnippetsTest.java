package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.JavaSnippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's gRPC examples compile as written, against the test service generated here. */
class ReadmeGrpcSnippetsTest {

    @Test
    void theGrpcExamplesOfTheReadmeCompile(@TempDir Path out) throws Exception {
        JavaSnippets snippets = JavaSnippets.of(Path.of("..", "README.md")).only(s -> s.contains("Grpc"));
        assertThat(snippets.size()).as("the README's gRPC blocks").isGreaterThanOrEqualTo(2);
        List<String> imports = List.of("io.skitai.core.*", "io.skitai.was.*", "io.skitai.was.grpctest.*",
                "java.time.Duration");
        String stubs = """
                Was was;
                HelloRequest request;
                static class MyApp implements App { public Handler start(MountInfo m) { return ex -> { }; } }
                """;
        assertThat(snippets.compile("readme", imports, stubs, out)).isEmpty();
    }
}
