package io.multitune.dataprep;

import io.multitune.events.Split;

/**
 * What the ledger keeps per live example: only what de-duplication, leakage checks, the split and the profile need,
 * not the example itself, so that a large dataset stays cheap to hold. Strings shared by many entries (labels,
 * domains, group values) are pooled by the ledger.
 */
final class LedgerEntry {
    final String id;
    final String inputKey;
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

    LedgerEntry(String id, String inputKey, Split split, String stratum, String domain, String[] groups,
                int[] tagCounts, int inputChars, int inputWords) {
        this.id = id;
        this.inputKey = inputKey;
        this.split = split;
        this.stratum = stratum;
        this.domain = domain;
        this.groups = groups;
        this.tagCounts = tagCounts;
        this.inputChars = inputChars;
        this.inputWords = inputWords;
    }
}
