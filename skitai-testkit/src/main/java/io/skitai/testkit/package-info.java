/**
 * Testing Skitai apps over real sockets.
 *
 * <ul>
 *   <li>{@link io.skitai.testkit.SkitaiTest} with a {@link io.skitai.testkit.TestServer} method (or
 *       {@code app = Main.class}, or {@code dry = true}) serves a whole test class and injects a
 *       {@link io.skitai.testkit.TestClient};</li>
 *   <li>{@link io.skitai.testkit.TestKit#serve} runs one test against a one-off server;</li>
 *   <li>{@link io.skitai.testkit.TestClient} sends requests and returns
 *       {@link io.skitai.testkit.TestResponse}s; {@link io.skitai.testkit.ApiStub} builds REST paths;</li>
 *   <li>{@link io.skitai.testkit.RawConnection} writes bytes and parses
 *       {@link io.skitai.testkit.RawResponse}s, for protocol-level tests;</li>
 *   <li>{@link io.skitai.testkit.MultiProcessServer} runs a program with several workers;</li>
 *   <li>{@link io.skitai.testkit.HeadlessChromium} opens pages in a real browser for page tests.</li>
 * </ul>
 */
package io.skitai.testkit;
