package io.multitune.dataprep;

import java.util.List;

/** Cuts one raw message of one source format into records. Implementations are immutable and thread-safe. */
interface FormatParser {
    List<RawUnit> parse(byte[] value);
}
