/**
 * The testkit's internals: server launchers (in process, child JVM, dry), the JUnit extension,
 * the raw HTTP/1.x response parser and small helpers. Not an API; it may change in any release.
 */
package io.skitai.testkit.internal;
