package io.skitai.smtpda;

/**
 * How many messages a spool holds in each state.
 *
 * @param pending     waiting for their first delivery attempt
 * @param retrying    waiting for another attempt after a transient failure
 * @param sending     being delivered now (or interrupted by a crash: they are retried on restart)
 * @param failed      given up on (permanent failure or retries exhausted), kept for keep-days
 * @param sent        delivered, kept for keep-days
 * @param quarantined unreadable spool files, set aside and never delivered
 */
public record SpoolCounts(int pending, int retrying, int sending, int failed, int sent, int quarantined) {

    /** Messages still to deliver: pending, retrying and sending. */
    public int queued() {
        return pending + retrying + sending;
    }
}
