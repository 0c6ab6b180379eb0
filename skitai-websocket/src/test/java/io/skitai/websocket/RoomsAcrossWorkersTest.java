package io.skitai.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.testkit.MultiProcessServer;
import io.skitai.testkit.TestClient;
import io.skitai.testkit.TestWebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A room whose clients sit in two worker processes: a message reaches every one of them. */
@EnabledOnOs(OS.LINUX)
class RoomsAcrossWorkersTest {

    @Test
    void aRoomSpanningTwoWorkersDeliversToEveryMember() {
        try (MultiProcessServer server = MultiProcessServer.start(ChatWorkersMain.class, 2);
             TestClient cli = server.client()) {
            server.awaitWorkers(2, Duration.ofSeconds(60));
            Map<String, List<TestWebSocket>> byWorker = new HashMap<>();
            List<TestWebSocket> all = new ArrayList<>();
            try {
                // The kernel spreads connections over the workers: open until both have members.
                for (int i = 0; i < 200 && (byWorker.size() < 2 || all.size() < 6); i++) {
                    TestWebSocket ws = cli.ws("/room?r=1");
                    all.add(ws);
                    ws.send("who");
                    byWorker.computeIfAbsent(ws.nextText(), k -> new ArrayList<>()).add(ws);
                }
                assertThat(byWorker).as("members per worker").hasSize(2);
                TestWebSocket speaker = all.get(0);
                speaker.send("hello");
                for (TestWebSocket ws : all) {
                    assertThat(ws.nextText()).startsWith("said hello via ");
                }
                // The other way round, from a member of the other worker.
                String speakerWorker = byWorker.entrySet().stream().filter(e -> e.getValue().contains(speaker))
                        .findFirst().orElseThrow().getKey();
                TestWebSocket other = byWorker.entrySet().stream().filter(e -> !e.getKey().equals(speakerWorker))
                        .findFirst().orElseThrow().getValue().get(0);
                other.send("back");
                for (TestWebSocket ws : all) {
                    assertThat(ws.nextText()).startsWith("said back via ");
                }
            } finally {
                all.forEach(TestWebSocket::close);
            }
        }
    }
}
