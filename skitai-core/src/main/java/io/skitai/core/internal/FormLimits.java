package io.skitai.core.internal;

import io.skitai.core.Pref;
import io.undertow.util.AttachmentKey;

/**
 * What a form body may hold, beyond its size (set by {@link BodyLimit} for the mount a request was
 * routed to).
 *
 * @param maxFileBytes the largest uploaded file ({@code Pref.maxUploadFileSize()})
 * @param maxTextBytes the most bytes of text fields a multipart body may carry, kept in memory
 *                     ({@code Pref.maxPostBodySize()}: what a urlencoded body may carry)
 * @param maxFields    the most fields and files a form may have
 */
record FormLimits(long maxFileBytes, long maxTextBytes, int maxFields) {

    /** Where {@link BodyLimit} leaves a request's limits. */
    static final AttachmentKey<FormLimits> KEY = AttachmentKey.create(FormLimits.class);

    /** Fields and files per form, as Undertow's default for query parameters. */
    static final int MAX_FIELDS = 1000;

    /** No limit but the field count (a body preloaded without a mount). */
    static final FormLimits UNBOUNDED = new FormLimits(Long.MAX_VALUE, Long.MAX_VALUE, MAX_FIELDS);

    static FormLimits of(Pref pref) {
        return new FormLimits(pref.maxUploadFileSize(), pref.maxPostBodySize(), MAX_FIELDS);
    }
}
