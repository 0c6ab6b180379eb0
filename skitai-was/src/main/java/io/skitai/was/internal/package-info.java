/** Internals of the was module; not an API, may change without notice. */
package io.skitai.was.internal;
