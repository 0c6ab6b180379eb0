/**
 * Servlet apps on Skitai: a servlet, a set of servlets and filters, a
 * {@code ServletContainerInitializer} web app or a Jakarta REST {@code Application} (Jersey),
 * mounted at a mount point that becomes their context path, through undertow-servlet.
 *
 * <pre>{@code
 * Skitai.mount("/hello", Servlets.of(HelloServlet.class));
 * Skitai.mount("/api", JakartaRest.of(PetsApplication.class));
 * }</pre>
 *
 * <p>Servlets run on the engine's handler threads (virtual threads by default), inside the
 * engine's limits, request log, transaction ids and filters, with {@code Was.current()} at hand.
 */
package io.skitai.servlet;
