/** Internals of Atila: the route table, binders, renderer; not an API, may change without notice. */
package io.skitai.atila.internal;
