package io.multitune.dataprep;

import io.multitune.events.RejectReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CoNLL: one token per line, columns separated by tabs or runs of spaces, a blank line ends a sentence, and one
 * sentence is one record. Lines starting with "# " before a sentence's first token are comments; they stay in the
 * record's text (so a dead letter can be re-sent as is) but not in its fields. A sentence made only of a
 * "-DOCSTART-" line (CoNLL-2003 document separators) is skipped and not counted.
 */
final class ConllFormat implements FormatParser {
    private static final String DOCSTART = "-DOCSTART-";

    private final String tokensField;
    private final String tagsField;
    private final int tokenColumn;
    private final Integer tagColumn;

    ConllFormat(String tokensField, String tagsField, Integer tokenColumn, Integer tagColumn) {
        this.tokensField = tokensField;
        this.tagsField = tagsField;
        this.tokenColumn = tokenColumn == null ? 0 : tokenColumn;
        this.tagColumn = tagColumn;
    }

    @Override
    public List<RawUnit> parse(byte[] value) {
        String text = Utf8.decodeMessage(value);
        if (text == null) {
            return List.of(Malformations.invalidUtf8(0, value, 0, value.length));
        }
        return new SentenceCollector(text).collect();
    }

    /** Per-message state while walking the lines of one message. */
    private final class SentenceCollector {
        private final String text;
        private final List<RawUnit> units = new ArrayList<>();
        private final List<String> columns = new ArrayList<>(8);
        private List<String> tokens = new ArrayList<>();
        private List<String> tags = new ArrayList<>();
        private int sentenceStart = -1;
        private int sentenceEnd;
        private int lineNumber;
        private String problem;
        private String problemField;

        SentenceCollector(String text) {
            this.text = text;
        }

        List<RawUnit> collect() {
            int n = text.length();
            int start = 0;
            while (start < n) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? n : newline;
                int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lineNumber++;
                line(start, contentEnd);
                start = end + 1;
            }
            endSentence();
            return units;
        }

        private void line(int start, int end) {
            if (isBlank(start, end)) {
                endSentence();
                return;
            }
            if (sentenceStart < 0) {
                sentenceStart = start;
            }
            sentenceEnd = end;
            if (tokens.isEmpty() && problem == null && text.startsWith("# ", start)) {
                return;
            }
            if (problem == null) {
                tokenLine(start, end);
            }
        }

        private void tokenLine(int start, int end) {
            splitColumns(start, end);
            int tag = tagColumn == null ? columns.size() - 1 : tagColumn;
            if (columns.size() <= tokenColumn || columns.size() <= tag || tag == tokenColumn) {
                problemField = columns.size() <= tokenColumn ? "tokens" : "tags";
                problem = "line " + lineNumber + " has " + columns.size() + " column(s), too few for the token column "
                        + tokenColumn + " and the tag column " + (tagColumn == null ? "(last, distinct)" : tagColumn);
                return;
            }
            tokens.add(columns.get(tokenColumn));
            tags.add(columns.get(tag));
        }

        private void splitColumns(int start, int end) {
            columns.clear();
            int i = start;
            while (i < end) {
                while (i < end && isSeparator(text.charAt(i))) {
                    i++;
                }
                int columnStart = i;
                while (i < end && !isSeparator(text.charAt(i))) {
                    i++;
                }
                if (i > columnStart) {
                    columns.add(text.substring(columnStart, i));
                }
            }
        }

        private void endSentence() {
            if (sentenceStart >= 0 && (problem != null || !tokens.isEmpty()) && !isDocStart()) {
                units.add(toUnit(units.size(), text.substring(sentenceStart, sentenceEnd)));
            }
            sentenceStart = -1;
            problem = null;
            problemField = null;
            tokens = new ArrayList<>();
            tags = new ArrayList<>();
        }

        private RawUnit toUnit(int index, String sentence) {
            if (problem != null) {
                return Malformations.text(index, sentence, RejectReason.MALFORMED_CONLL, problemField, problem);
            }
            Map<String, Object> fields = new HashMap<>(4);
            fields.put(tokensField, tokens);
            fields.put(tagsField, tags);
            return new RawUnit.Parsed(index, sentence, fields);
        }

        private boolean isDocStart() {
            return problem == null && tokens.size() == 1 && DOCSTART.equals(tokens.get(0));
        }

        private boolean isBlank(int start, int end) {
            for (int i = start; i < end; i++) {
                if (!isSeparator(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }
}
