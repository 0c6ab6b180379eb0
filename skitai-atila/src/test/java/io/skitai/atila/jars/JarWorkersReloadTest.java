package io.skitai.atila.jars;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** With workers, a replaced app jar makes the master roll its workers (the HUP path); they serve the new version. */
@EnabledOnOs(OS.LINUX)
class JarWorkersReloadTest {

    @TempDir
    Path dir;

    @Test
    void theMasterRollsItsWorkersWhenAWatchedJarChanges() throws Exception {
        PetsJars pets = PetsJars.compile(dir);
        Path jar = pets.write(dir.resolve("pets.jar"), "v1");
        try (MultiProcessServer server = MultiProcessServer.start(JarWorkersMain.class, 2, "--jar=" + jar);
             TestClient cli = server.client()) {
            assertThat(cli.get("/pets/").text()).isEqualTo("pets v1");
            Set<Long> before = new HashSet<>(server.workers().stream().map(ProcessHandle::pid).toList());
            assertThat(before).hasSize(2);
            pets.write(jar, "v2");
            String answer = "";
            for (int i = 0; i < 600 && !answer.equals("pets v2"); i++) {
                Thread.sleep(100);
                answer = cli.request("GET", "/pets/").header("Connection", "close").send().text();
            }
            assertThat(answer).as("the new version, from the rolled workers").isEqualTo("pets v2");
            List<Long> after = List.of();
            for (int i = 0; i < 600; i++) {
                after = server.workers().stream().map(ProcessHandle::pid).toList();
                if (after.size() == 2 && after.stream().noneMatch(before::contains)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(after).as("two new worker processes").hasSize(2).doesNotContainAnyElementsOf(before);
            for (int i = 0; i < 20; i++) {
                assertThat(cli.request("GET", "/pets/").header("Connection", "close").send().text()).isEqualTo("pets v2");
            }
        }
    }
}
