package io.multitune.dataprep;

import io.multitune.events.DatasetSpec;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the value of one raw Kafka message into records, in the source format of its dataset's spec. A message may
 * hold one or many records. Bad data never throws: each record that cannot be read becomes a
 * {@link RawUnit.Malformed} with its reason, and the readable records around it are still returned.
 *
 * <p>Format rules: see {@link io.multitune.events.SourceFormat}. In short: JSONL checks UTF-8 and JSON per line;
 * JSON, CSV, TSV and CoNLL reject a message that is not valid UTF-8 as a whole (as one record, in base64); CSV/TSV
 * follow RFC 4180 and need a header row in every message unless the spec names the columns; CoNLL gives one record
 * per sentence. A leading UTF-8 byte order mark is ignored.
 *
 * <p>Immutable and thread-safe; build one per spec and reuse it.
 */
public final class RawPayloadParser {
    private final FormatParser format;

    private RawPayloadParser(FormatParser format) {
        this.format = format;
    }

    public static RawPayloadParser forSpec(DatasetSpec spec) {
        Objects.requireNonNull(spec.format(), "spec.format");
        FormatParser format = switch (spec.format()) {
            case JSONL -> new JsonlFormat();
            case JSON -> new JsonArrayFormat();
            case CSV -> new DelimitedFormat(',', spec.hasHeaderRow(), spec.columns());
            case TSV -> new DelimitedFormat('\t', spec.hasHeaderRow(), spec.columns());
            case CONLL -> new ConllFormat(spec.sourceField("tokens"), spec.sourceField("tags"), spec.tokenColumn(),
                    spec.tagColumn());
        };
        return new RawPayloadParser(format);
    }

    /** The records of one raw message, in order; empty for an empty message. */
    public List<RawUnit> parse(byte[] value) {
        return format.parse(value == null ? new byte[0] : value);
    }
}
