package io.multitune.ingest;

import io.multitune.dataprep.DatasetLedger;
import io.multitune.dataprep.ExampleStandardiser;
import io.multitune.dataprep.RawPayloadParser;
import io.multitune.events.DatasetSpec;

/**
 * Everything data-ingest holds for one dataset: its spec, the parser and standardiser built from it, and the ledger
 * of its examples and counts. Callers synchronise on the instance: the consumer and the idle-profile timer share it.
 */
final class DatasetState {
    private DatasetSpec spec;
    private RawPayloadParser parser;
    private ExampleStandardiser standardiser;
    private final DatasetLedger ledger;
    private long lastActivityNanos = System.nanoTime();
    private boolean changedSinceProfile;

    DatasetState(DatasetSpec spec) {
        this.ledger = new DatasetLedger(spec);
        apply(spec);
    }

    void apply(DatasetSpec newSpec) {
        this.spec = newSpec;
        this.parser = RawPayloadParser.forSpec(newSpec);
        this.standardiser = new ExampleStandardiser(newSpec);
        ledger.updateSpec(newSpec);
    }

    DatasetSpec spec() {
        return spec;
    }

    RawPayloadParser parser() {
        return parser;
    }

    ExampleStandardiser standardiser() {
        return standardiser;
    }

    DatasetLedger ledger() {
        return ledger;
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
        changedSinceProfile = true;
    }

    void profiled() {
        changedSinceProfile = false;
    }

    /** Whether records arrived since the last profile and none for at least {@code idleNanos}. */
    boolean idleWithUnprofiledChanges(long idleNanos) {
        return changedSinceProfile && System.nanoTime() - lastActivityNanos >= idleNanos;
    }
}
