package io.skitai.was.internal;

import io.skitai.core.TxId;
import io.skitai.was.RequestType;
import java.util.Map;

/**
 * What calls made for one request share: the server's upstream machinery, the request's
 * transaction ids and the app's default request type.
 *
 * @param upstreams the server's upstreams
 * @param txid      the request's transaction ids
 * @param type      the default Content-Type and Accept
 */
public record CallContext(Upstreams upstreams, TxId txid, RequestType type) {

    /** The transaction-id headers of the next upstream call. */
    Map<String, String> nextTxHeaders() {
        return Map.of(TxId.GTXID_HEADER, txid.gtxid(), TxId.LTXID_HEADER, txid.nextLtxid(),
                TxId.TRACEPARENT_HEADER, txid.nextTraceparent());
    }
}
