package io.multitune.dataprep;

import java.util.HexFormat;

/**
 * The ledger's compact form of example ids and input keys, and back. An id {@code datasetId-<24 hex digits>} (every
 * id {@link ExampleIds} makes) is kept as its 96 hash bits: 64 in {@code high}, 32 in {@code low}; an input key
 * (32 hex digits) as its 128 bits. Any other id, such as a hand-written example's read back from the examples topic,
 * is kept as it is, as an irregular id.
 */
final class LedgerKeys {
    private static final int ID_HEX_DIGITS = 24;
    private static final int INPUT_KEY_HEX_DIGITS = 32;
    private static final HexFormat HEX = HexFormat.of();

    private LedgerKeys() {
    }

    /** An example id in the ledger's form: hash bits, or the string itself when irregular (then high = low = 0). */
    record Id(long high, long low, String irregular) {
    }

    /** The compact form of {@code id} in the dataset {@code datasetId}. */
    static Id id(String datasetId, String id) {
        int start = datasetId.length() + 1;
        if (id.length() != start + ID_HEX_DIGITS || !id.startsWith(datasetId) || id.charAt(start - 1) != '-'
                || !lowerHex(id, start, id.length())) {
            return new Id(0L, 0L, id);
        }
        return new Id(HexFormat.fromHexDigitsToLong(id, start, start + 16),
                HexFormat.fromHexDigitsToLong(id, start + 16, start + ID_HEX_DIGITS), null);
    }

    /** The id string of an entry of the dataset {@code datasetId}. */
    static String id(String datasetId, LedgerEntry e) {
        if (e.irregularId != null) {
            return e.irregularId;
        }
        return datasetId + "-" + HEX.toHexDigits(e.idHigh) + HEX.toHexDigits((int) e.idLow);
    }

    /** The high 64 bits of an input key of {@link ExampleIds#inputKey}. */
    static long inputHigh(String inputKey) {
        checkInputKey(inputKey);
        return HexFormat.fromHexDigitsToLong(inputKey, 0, 16);
    }

    /** The low 64 bits of an input key of {@link ExampleIds#inputKey}. */
    static long inputLow(String inputKey) {
        checkInputKey(inputKey);
        return HexFormat.fromHexDigitsToLong(inputKey, 16, INPUT_KEY_HEX_DIGITS);
    }

    private static void checkInputKey(String inputKey) {
        if (inputKey.length() != INPUT_KEY_HEX_DIGITS) {
            throw new IllegalArgumentException("input key '" + inputKey + "' is not " + INPUT_KEY_HEX_DIGITS
                    + " hex digits");
        }
    }

    /** Lower case only, so that formatting the bits back gives the same string. */
    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
