package io.multitune.cli.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.multitune.dataprep.Rejection;
import io.multitune.dataprep.SpecReader;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads dataset specs from JSON or YAML files and checks the fields every import needs. */
public final class SpecFiles {
    /** A YAML mapper configured like {@link EventCodec#mapper()}. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private SpecFiles() {
    }

    /**
     * Reads a spec: YAML when the file name ends in .yaml or .yml, JSON otherwise.
     *
     * @throws IngestException (bad input) with one line naming the file and the field that cannot be read
     */
    public static DatasetSpec read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw IngestException.badInput("spec " + file + ": no such file");
        } catch (IOException e) {
            throw IngestException.badInput("spec " + file + ": cannot read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return parse(bytes, yaml, "spec " + file);
    }

    /** Parses a spec from JSON or YAML bytes; {@code what} names the source in error messages. */
    public static DatasetSpec parse(byte[] bytes, boolean yaml, String what) {
        ObjectMapper mapper = yaml ? YAML : EventCodec.INSTANCE.mapper();
        DatasetSpec spec;
        try {
            spec = mapper.readValue(bytes, DatasetSpec.class);
        } catch (JsonMappingException e) {
            throw IngestException.badInput(what + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw IngestException.badInput(what + ": not valid " + (yaml ? "YAML" : "JSON")
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw IngestException.badInput(what + ": cannot read: " + e.getMessage(), e);
        }
        if (spec == null) {
            throw IngestException.badInput(what + ": empty; expected a dataset spec object");
        }
        return spec;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e.getOriginalMessage();
        Throwable cause = e instanceof ValueInstantiationException ? e.getCause() : null;
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            message = cause.getMessage();
        } else if (message != null) {
            int cut = message.indexOf('\n');
            if (cut > 0) {
                message = message.substring(0, cut);
            }
            message = message.replace("io.multitune.events.", "");
        }
        return (path.isEmpty() ? "" : "field " + path + ": ") + message;
    }

    /**
     * Checks the fields every import needs (datasetId, taskId, taskType, format), then everything data-ingest
     * checks ({@link SpecReader#validate}), so a bad spec fails here rather than on the dead-letter topic.
     *
     * @throws IngestException (bad input) naming the first missing field
     */
    public static DatasetSpec validate(DatasetSpec spec, String what) {
        if (spec.datasetId() == null || spec.datasetId().isBlank()) {
            throw IngestException.badInput(what + ": field datasetId: missing (or pass --dataset)");
        }
        if (spec.taskId() == null || spec.taskId().isBlank()) {
            throw IngestException.badInput(what + ": field taskId: missing");
        }
        if (spec.taskType() == null) {
            throw IngestException.badInput(what + ": field taskType: missing");
        }
        if (spec.format() == null) {
            throw IngestException.badInput(what + ": field format: missing");
        }
        List<Rejection> problems = SpecReader.validate(spec); // the checks data-ingest makes
        if (!problems.isEmpty()) {
            throw IngestException.badInput(what + ": " + problems.get(0).message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: "
                    + problems.subList(1, problems.size()).stream().map(Rejection::field)
                    .collect(Collectors.joining(", ")) + ")" : ""));
        }
        return spec;
    }

    /** The same spec with another dataset id. */
    public static DatasetSpec withDatasetId(DatasetSpec s, String datasetId) {
        return new DatasetSpec(datasetId, s.taskId(), s.taskType(), s.format(), s.fields(), s.labels(),
                s.labelMapping(), s.domain(), s.splitRatios(), s.groupFields(), s.language(), s.header(),
                s.columns(), s.tokenColumn(), s.tagColumn(), s.maxTextChars());
    }

    /** The spec as JSON, as sent in a {@code spec} message. */
    public static byte[] toJson(DatasetSpec spec) {
        try {
            return EventCodec.INSTANCE.mapper().writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + spec.datasetId() + ": " + e.getMessage(), e);
        }
    }
}
