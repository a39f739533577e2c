package io.multitune.dataprep;

import io.multitune.events.RejectReason;

/**
 * Carries a rejection out of the nested field checks of one record. It never leaves this package and has no stack
 * trace: rejections are expected data, and filling in a stack trace would cost more than the check itself.
 */
final class RejectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    RejectionException(RejectReason reason, String field, String problem) {
        super(null, null, false, false);
        this.rejection = Rejection.of(reason, field, problem);
    }

    Rejection rejection() {
        return rejection;
    }
}
