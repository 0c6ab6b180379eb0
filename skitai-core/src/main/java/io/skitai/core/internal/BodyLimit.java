package io.skitai.core.internal;

import io.skitai.core.Pref;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.util.Headers;
import java.time.Duration;

/**
 * A mount's request body limit: a declared Content-Length over the limit is refused with 413 and
 * the connection closed before a byte of the body is read (a client waiting on
 * {@code Expect: 100-continue} never sends it; an accepted one gets its 100 when the handler reads); a chunked body is cut off with 413 when it
 * crosses the limit. Multipart bodies have their own limit, and their files and text fields
 * theirs ({@link FormLimits}, enforced while a form is parsed).
 */
final class BodyLimit implements HttpHandler {

    private final long postLimit;
    private final long multipartLimit;
    private final BodyReader.Policy post;
    private final BodyReader.Policy multipart;
    private final FormLimits form;
    private final HttpHandler next;

    BodyLimit(Pref pref, long minRate, Duration grace, HttpHandler next) {
        this.postLimit = pref.maxPostBodySize();
        this.multipartLimit = pref.maxMultipartBodySize();
        this.post = new BodyReader.Policy(postLimit, minRate, grace.toNanos());
        this.multipart = new BodyReader.Policy(multipartLimit, minRate, grace.toNanos());
        this.form = FormLimits.of(pref);
        this.next = new HttpContinueReadHandler(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isRequestComplete()) {
            String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            BodyReader.Policy policy = type != null && type.regionMatches(true, 0, "multipart/", 0, 10) ? multipart : post;
            long limit = policy.maxBytes();
            long declared = exchange.getRequestContentLength();
            if (declared > limit) {
                ErrorResponses.send(exchange, 413,
                        "request body of " + declared + " bytes is larger than the limit of " + limit + " bytes", true);
                return;
            }
            exchange.setMaxEntitySize(limit);
            exchange.putAttachment(BodyReader.POLICY, policy);
            exchange.putAttachment(FormLimits.KEY, form);
        }
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "BodyLimit(" + postLimit + " bytes, multipart " + multipartLimit + " bytes, files "
                + form.maxFileBytes() + " bytes) -> " + next;
    }
}
