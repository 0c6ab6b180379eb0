/**
 * Atila, the annotation-routed app framework: @Route controllers, parameter binding, rendering, Pebble templates, lifecycle hooks and events. Arrives with the Atila issue; this module holds only its place in the build for now.
 */
package io.skitai.atila;
