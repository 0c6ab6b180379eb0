package io.skitai.atila;

/** The HTTP methods a {@link Route} can answer. HEAD and OPTIONS are also answered automatically. */
public enum Method {
    /** GET (also answers HEAD unless a HEAD route exists). */
    GET,
    /** POST. */
    POST,
    /** PUT. */
    PUT,
    /** PATCH. */
    PATCH,
    /** DELETE. */
    DELETE,
    /** HEAD, for a route that wants to answer it itself. */
    HEAD,
    /** OPTIONS, for a route that wants to answer it itself (otherwise 204 with {@code Allow}). */
    OPTIONS
}
