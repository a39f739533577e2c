package io.multitune.dataprep;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import java.util.HexFormat;

/**
 * Stable ids for examples and their inputs: the same normalised record gives the same id on every JVM and run, so a
 * re-sent record is recognised as a duplicate and the examples topic can be compacted by id.
 *
 * <p>Canonical encoding, fed into SHA-256 (version tags make a future change of encoding explicit):
 * <pre>
 *   string  = int32 big-endian length of its UTF-8 bytes, then those bytes; null = int32 -1
 *   list    = int32 big-endian element count, then each element as a string; null = int32 -1
 *   double  = byte 0 when null, else byte 1 then the int64 big-endian IEEE-754 bits (-0.0 written as 0.0)
 *   span    = byte 0 when null, else byte 1, int32 start, int32 end, string text
 *   INPUT   = string text, string textPair, list tokens, string question, string context
 *   TARGET  = string label, double value, list tags, span answer, string text
 *
 *   input digest = SHA-256(string "multitune.input.v1", INPUT)                       (32 bytes)
 *   input key    = the first 32 hex digits (lower case) of the input digest
 *   example id   = datasetId + "-" + the first 24 hex digits of
 *                  SHA-256(string "multitune.example.v1", string datasetId, the 32 raw bytes of the input digest, TARGET)
 * </pre>
 * The example id hashes the input digest rather than the input itself, so a record's (possibly long) input is
 * hashed once for both values. The input key leaves out the dataset and the target on purpose: it finds the same
 * input under another label.
 */
public final class ExampleIds {
    private static final String EXAMPLE_TAG = "multitune.example.v1";
    private static final String INPUT_TAG = "multitune.input.v1";
    private static final int ID_HASH_BYTES = 12;
    private static final int INPUT_KEY_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private ExampleIds() {
    }

    /** Both keys of an example, sharing one hash of its input. */
    record Keys(String exampleId, String inputKey) {
    }

    public static String exampleId(String datasetId, ExampleInput input, ExampleTarget target) {
        return exampleId(datasetId, inputDigest(input), target);
    }

    public static String inputKey(ExampleInput input) {
        return inputKey(inputDigest(input));
    }

    static Keys keys(String datasetId, ExampleInput input, ExampleTarget target) {
        byte[] digest = inputDigest(input);
        return new Keys(exampleId(datasetId, digest, target), inputKey(digest));
    }

    /**
     * The dataset id inside an example id, e.g. to route a tombstone read back from the examples topic; null when the
     * string is not shaped like an example id.
     */
    public static String datasetIdOf(String exampleId) {
        int hashStart = exampleId == null ? -1 : exampleId.length() - 2 * ID_HASH_BYTES;
        if (hashStart < 2 || exampleId.charAt(hashStart - 1) != '-') {
            return null;
        }
        return exampleId.substring(0, hashStart - 1);
    }

    private static String exampleId(String datasetId, byte[] inputDigest, ExampleTarget target) {
        CanonicalDigest d = CanonicalDigest.start().string(EXAMPLE_TAG).string(datasetId).raw(inputDigest);
        target(d, target);
        return datasetId + "-" + HEX.formatHex(d.finish(), 0, ID_HASH_BYTES);
    }

    private static String inputKey(byte[] inputDigest) {
        return HEX.formatHex(inputDigest, 0, INPUT_KEY_BYTES);
    }

    private static byte[] inputDigest(ExampleInput input) {
        if (input == null) {
            input = new ExampleInput(null, null, null, null, null);
        }
        return CanonicalDigest.start().string(INPUT_TAG).string(input.text()).string(input.textPair())
                .strings(input.tokens()).string(input.question()).string(input.context()).finish();
    }

    private static void target(CanonicalDigest d, ExampleTarget target) {
        if (target == null) {
            target = new ExampleTarget(null, null, null, null, null);
        }
        d.string(target.label());
        Double value = target.value();
        d.present(value != null);
        if (value != null) {
            d.int64(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
        }
        d.strings(target.tags());
        ExampleTarget.AnswerSpan answer = target.answer();
        d.present(answer != null);
        if (answer != null) {
            d.int32(answer.start()).int32(answer.end()).string(answer.text());
        }
        d.string(target.text());
    }
}
