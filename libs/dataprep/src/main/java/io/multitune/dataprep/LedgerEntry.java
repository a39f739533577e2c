package io.multitune.dataprep;

import io.multitune.events.Split;

/**
 * What the ledger keeps per live example: only what de-duplication, leakage checks, the split and the profile need,
 * not the example itself, so that a large dataset stays cheap to hold. The id and the input key are kept as the bits
 * of their hashes, not as strings (see {@link LedgerKeys}); strings shared by many entries (labels, domains, group
 * values) are pooled by the ledger.
 */
final class LedgerEntry {
    /** The id's hash bits (see {@link LedgerKeys}); unused when {@link #irregularId} is set. */
    final long idHigh;
    final long idLow;
    /** An id not of the form {@code datasetId-<24 hex digits>} (a hand-written example read back), else null. */
    final String irregularId;
    /** The input key's 128 bits. */
    final long inputHigh;
    final long inputLow;
    final Split split;
    /** The stratum of the split: the label for classification, else null. */
    final String stratum;
    final String domain;
    /** Group attribute and value, alternating; empty when none. */
    final String[] groups;
    /** Token classification: tag id and count, alternating (tag ids index the ledger's tag table); else null. */
    final int[] tagCounts;
    final int inputChars;
    final int inputWords;
    /** The next live entry with the same input key: a chain, because such entries are rare and few. */
    LedgerEntry nextSameInput;

    LedgerEntry(LedgerKeys.Id id, long inputHigh, long inputLow, Split split, String stratum, String domain,
                String[] groups, int[] tagCounts, int inputChars, int inputWords) {
        this.idHigh = id.high();
        this.idLow = id.low();
        this.irregularId = id.irregular();
        this.inputHigh = inputHigh;
        this.inputLow = inputLow;
        this.split = split;
        this.stratum = stratum;
        this.domain = domain;
        this.groups = groups;
        this.tagCounts = tagCounts;
        this.inputChars = inputChars;
        this.inputWords = inputWords;
    }
}
