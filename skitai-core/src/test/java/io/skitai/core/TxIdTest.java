package io.skitai.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The depth/sequence rule of local transaction ids, as in the Python docs. */
class TxIdTest {

    @Test
    void childIdsAddOneToTheDepthAndCountOnFromTheSequence() {
        TxId root = TxId.root("GTID-C1-R1");
        assertThat(root.ltxid()).isEqualTo("1000");
        assertThat(root.nextLtxid()).isEqualTo("2001");
        assertThat(root.nextLtxid()).isEqualTo("2002");
        TxId first = TxId.continued("GTID-C1-R1", "2001", "unused");
        assertThat(first.nextLtxid()).isEqualTo("3002");
        assertThat(TxId.continued("GTID-C1-R1", "2002", "unused").nextLtxid()).isEqualTo("3003");
    }

    @Test
    void malformedHeadersStartAFreshTransaction() {
        assertThat(TxId.continued("a b", "2001", "GTID-C9-R1").gtxid()).isEqualTo("GTID-C9-R1");
        assertThat(TxId.continued("GTID-X", "12", "GTID-C9-R1").ltxid()).isEqualTo("1000");
        assertThat(TxId.continued(null, null, "GTID-C9-R1").toString()).isEqualTo("GTID-C9-R1 1000");
    }
}
