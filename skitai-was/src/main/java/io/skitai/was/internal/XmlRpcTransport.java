package io.skitai.was.internal;

import io.skitai.core.StatusText;
import io.skitai.was.RpcFault;
import java.io.IOException;
import io.skitai.core.UpstreamResponse;

/** Parses XML-RPC answers: a value is {@code NORMAL}, a fault or a malformed document {@code EXCEPTION}. */
final class XmlRpcTransport {

    private XmlRpcTransport() {}

    static Outcome parse(UpstreamResponse response) {
        if (response.status() != 200) {
            return HttpTransport.byContentType(response, io.skitai.core.Json.mapper());
        }
        byte[] body = response.body();
        var headers = response.headers();
        try {
            Object value = XmlRpcReader.response(body);
            return Outcomes.normal(200, StatusText.of(200), headers, body, value);
        } catch (RpcFault fault) {
            java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("faultCode", fault.faultCode());
            data.put("faultString", fault.faultString());
            return Outcomes.failedAnswer(200, headers, body, java.util.Collections.unmodifiableMap(data), fault);
        } catch (IOException | RuntimeException e) {
            return Outcomes.failedAnswer(200, headers, body, null, e);
        }
    }
}
