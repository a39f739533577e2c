package io.multitune.dataprep;

/** The outcome of standardising one record. */
public sealed interface Standardised permits Standardised.Ok, Standardised.Rejected {

    /** The record became a candidate example. */
    record Ok(Candidate candidate) implements Standardised {
    }

    /** The record was refused. */
    record Rejected(Rejection rejection) implements Standardised {
    }
}
