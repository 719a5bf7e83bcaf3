package dev.certificatetransfer.adapter.micrometer;

/**
 * The names and tags of every meter this module registers, in Micrometer's dotted form; a Prometheus registry
 * writes them with underscores and its suffixes ({@code certificate_transfer_operations_total}). No tag carries an
 * account, a certificate id or anything else a caller sent: the number of series stays small and a scrape shows no
 * tenant's data.
 */
public final class MeterNames {

    /** Counter of operations answered, tagged {@link #OPERATION} and {@link #OUTCOME}. */
    public static final String OPERATIONS = "certificate.transfer.operations";

    /** Timer of operations, from the call to its answer, tagged {@link #OPERATION} and {@link #OUTCOME}. */
    public static final String OPERATION_DURATION = "certificate.transfer.operation.duration";

    /** Tag: the operation as AWS names it, such as {@code CancelCertificateTransfer}. */
    public static final String OPERATION = "operation";

    /**
     * Tag: {@link #OK}, the {@code RefusalCode} of a refusal (such as {@code TRANSFER_ALREADY_COMPLETED} or
     * {@code THROTTLED}), or {@link #EXCEPTION}.
     */
    public static final String OUTCOME = "outcome";

    /** Outcome of an operation that succeeded. */
    public static final String OK = "OK";

    /** Outcome of an operation that threw (a bug or broken infrastructure, such as a database that is down). */
    public static final String EXCEPTION = "EXCEPTION";

    /** Counter of compare-and-set races lost; each is decided again (or answered THROTTLED after too many). */
    public static final String COMMIT_RACES_LOST = "certificate.transfer.commit.races.lost";

    /** Counter of writes that lost every attempt and gave up: a call answered THROTTLED, or an expiry left. */
    public static final String COMMIT_GAVE_UP = "certificate.transfer.commit.gave.up";

    /** Counter of expiry sweeps that finished. */
    public static final String EXPIRY_SWEEPS = "certificate.transfer.expiry.sweeps";

    /** Counter of transfer expiries the sweeps wrote. */
    public static final String EXPIRY_SWEPT = "certificate.transfer.expiry.swept";

    /** Gauge of the events in the outbox not yet delivered. */
    public static final String OUTBOX_BACKLOG = "certificate.transfer.outbox.backlog";

    /** Time gauge of the age of the oldest undelivered event in the outbox: the delivery lag; 0 when none waits. */
    public static final String OUTBOX_OLDEST_AGE = "certificate.transfer.outbox.oldest.age";

    private MeterNames() {}
}
