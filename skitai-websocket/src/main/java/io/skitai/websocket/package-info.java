/**
 * Websocket server specs (simple, thread-safe, group chat), events, message encodings, and the websocket client used by was. Arrives with the websocket issue; this module holds only its place in the build for now.
 */
package io.skitai.websocket;
