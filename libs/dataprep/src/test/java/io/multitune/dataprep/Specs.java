package io.multitune.dataprep;

import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.SplitRatios;
import io.multitune.events.TaskType;
import java.util.List;
import java.util.Map;

/** A small builder for the many-argument {@link DatasetSpec} in tests. */
final class Specs {
    private String datasetId = "ds";
    private String taskId = "task";
    private TaskType taskType;
    private SourceFormat format;
    private Map<String, String> fields;
    private List<String> labels;
    private Map<String, String> labelMapping;
    private String domain;
    private SplitRatios splitRatios;
    private List<String> groupFields;
    private Boolean header;
    private List<String> columns;
    private Integer tokenColumn;
    private Integer tagColumn;
    private Integer maxTextChars;

    private Specs(TaskType taskType, SourceFormat format) {
        this.taskType = taskType;
        this.format = format;
    }

    static Specs of(TaskType taskType, SourceFormat format) {
        return new Specs(taskType, format);
    }

    Specs datasetId(String v) { datasetId = v; return this; }
    Specs taskId(String v) { taskId = v; return this; }
    Specs fields(Map<String, String> v) { fields = v; return this; }
    Specs labels(String... v) { labels = List.of(v); return this; }
    Specs labelMapping(Map<String, String> v) { labelMapping = v; return this; }
    Specs domain(String v) { domain = v; return this; }
    Specs splitRatios(double train, double validation, double test) {
        splitRatios = new SplitRatios(train, validation, test);
        return this;
    }
    Specs groupFields(String... v) { groupFields = List.of(v); return this; }
    Specs header(Boolean v) { header = v; return this; }
    Specs columns(String... v) { columns = List.of(v); return this; }
    Specs tokenColumn(Integer v) { tokenColumn = v; return this; }
    Specs tagColumn(Integer v) { tagColumn = v; return this; }
    Specs maxTextChars(Integer v) { maxTextChars = v; return this; }

    DatasetSpec build() {
        return new DatasetSpec(datasetId, taskId, taskType, format, fields, labels, labelMapping, domain, splitRatios,
                groupFields, null, header, columns, tokenColumn, tagColumn, maxTextChars);
    }
}
