/**
 * Mail for Skitai apps: the {@link io.skitai.smtpda.Email} builder ({@code was.email}), whose
 * {@code send()} writes the message durably into a {@link io.skitai.smtpda.Spool}, and the delivery
 * daemon ({@link io.skitai.smtpda.Smtpda}, {@code java -jar skitai-smtpda.jar}) built on
 * {@link io.skitai.smtpda.DeliveryAgent}, which delivers through Jakarta Mail with retries,
 * at-least-once across crashes.
 */
package io.skitai.smtpda;
