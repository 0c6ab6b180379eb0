/**
 * smtpda's internals: the spool file format and its state changes, MIME composition, SMTP sending
 * and failure classification, settings and the command line. Not an API.
 */
package io.skitai.smtpda.internal;
