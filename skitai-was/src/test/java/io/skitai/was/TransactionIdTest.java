package io.skitai.was;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.Proto;
import io.skitai.core.ServerBuilder;
import io.skitai.core.SkitaiServer;
import io.skitai.testkit.TestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction ids across two hops: client → gateway (Skitai) → backend (Skitai) → leaf (Skitai).
 * The gtxid made at the gateway travels unchanged; each hop's ltxid follows the depth/sequence
 * rule, and every request log shows both.
 */
class TransactionIdTest {

    @TempDir
    Path logs;

    @Test
    void idsTravelAcrossTwoHopsAndAreInEveryRequestLog() throws Exception {
        ServerBuilder leaf = ServerBuilder.create().enableFileLogging(logs.resolve("leaf"));
        java.util.Set<String> leafTraces = java.util.concurrent.ConcurrentHashMap.newKeySet();
        leaf.mount("/", ex -> {
            leafTraces.add(ex.header("traceparent").orElse("-").replaceAll("^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$", "$1"));
            ex.send(Was.current().gtxid() + " " + Was.current().ltxid());
        });
        SkitaiServer leafServer = SkitaiServer.create(leaf.build());
        leafServer.start(TestKit.run());
        ServerBuilder backend = ServerBuilder.create().enableFileLogging(logs.resolve("backend"));
        backend.alias("@leaf", Proto.HTTP, "127.0.0.1:" + leafServer.port());
        backend.mount("/", ex -> {
            Was was = Was.current();
            Call a = was.get("@leaf/a");
            Call b = was.get("@leaf/b");
            ex.send(was.ltxid() + " [" + a.dispatch(5).text() + "] [" + b.dispatch(5).text() + "]");
        });
        SkitaiServer backendServer = SkitaiServer.create(backend.build());
        backendServer.start(TestKit.run());
        String[] gateway0 = new String[1];
        try {
            ServerBuilder gateway = ServerBuilder.create().enableFileLogging(logs.resolve("gateway"));
            gateway.alias("@backend", Proto.HTTP, "127.0.0.1:" + backendServer.port());
            gateway.mount("/", ex -> {
                Was was = Was.current();
                Call first = was.get("@backend/one");
                Call second = was.get("@backend/two");
                ex.send(was.gtxid() + " " + was.ltxid() + " | " + first.dispatch(5).text() + " | "
                        + second.dispatch(5).text());
            });
            TestKit.serve(gateway, cli -> {
                String answer = cli.get("/").text();
                String gtxid = answer.split(" ")[0];
                assertThat(gtxid).matches("GTID-C\\d+-R1");
                assertThat(answer).isEqualTo(gtxid + " 1000 | 2001 [" + gtxid + " 3002] [" + gtxid + " 3003] | 2002 ["
                        + gtxid + " 3003] [" + gtxid + " 3004]");
                gateway0[0] = gtxid;
                assertThat(leafTraces).as("one trace id reached the leaf through two hops of was calls").hasSize(1)
                        .allSatisfy(t -> assertThat(t).matches("[0-9a-f]{32}"));
            });
        } finally {
            backendServer.stop();
            leafServer.stop();
        }
        // The logs are complete once their servers have stopped.
        String gtxid = gateway0[0];
        assertThat(ids(logs.resolve("gateway"))).containsExactly(gtxid + " 1000");
        assertThat(ids(logs.resolve("backend"))).containsExactlyInAnyOrder(gtxid + " 2001", gtxid + " 2002");
        assertThat(ids(logs.resolve("leaf"))).containsExactlyInAnyOrder(gtxid + " 3002", gtxid + " 3003",
                gtxid + " 3003", gtxid + " 3004");
    }

    @Test
    void databaseCallsCarryNoIdsAndTakeNoLocalId() {
        TestKit.serve((io.skitai.core.Handler) ex -> ex.send(ex.header("X-Ltxid").orElse("-")), leaf -> {
            ServerBuilder config = ServerBuilder.create();
            config.alias("@lite", io.skitai.core.Db.SQLITE3, logs.resolve("ids.db").toString());
            config.alias("@leaf", Proto.HTTP, "127.0.0.1:" + leaf.port());
            config.mount("/", ex -> {
                Was was = Was.current();
                Object one = was.backend("@lite").execute("SELECT 1 AS one").oneOrThrow(5);
                ex.send(one + " " + was.get("@leaf/x").dispatch(5).text());
            });
            TestKit.serve(config, cli -> assertThat(cli.get("/").text())
                    .as("the SQLite call before it took no local id: the HTTP call is the first, 2001").isEqualTo("{one=1} 2001"));
        });
    }

    private static List<String> ids(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("request.log")).stream()
                .map(line -> line.split(" ")).map(f -> f[10] + " " + f[11]).toList();
    }
}
