/**
 * The per-request `Was` context and asynchronous upstream calls (HTTP, XML-RPC, gRPC, PostgreSQL, Redis, MongoDB, SQLite) with aliases, load balancing, map-reduce, result cache and transaction ids. Arrives with the was issue; this module holds only its place in the build for now.
 */
package io.skitai.was;
