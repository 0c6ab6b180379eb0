/**
 * Atila, the annotation-routed app framework. This first slice covers routing ({@link
 * io.skitai.atila.Route}), parameter binding ({@link io.skitai.atila.Param}, {@link
 * io.skitai.atila.Body}) and rendering by return type; templates, lifecycle hooks, events and
 * error handlers arrive later.
 */
package io.skitai.atila;
