/**
 * The Email builder, a durable spool and the SMTP delivery daemon. Arrives with the smtpda issue; this module holds only its place in the build for now.
 */
package io.skitai.smtpda;
