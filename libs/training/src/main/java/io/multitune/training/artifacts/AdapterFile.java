package io.multitune.training.artifacts;

import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.weights.WeightTensor;
import io.multitune.events.EventCodec;
import io.multitune.events.RunRequest;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.TrainerSettings;
import io.multitune.training.heads.Heads;
import io.multitune.training.heads.TaskHead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's trained weights alone, without the frozen base: the model's trainable parameters (LoRA A and B, or the
 * bottleneck adapters; every encoder weight when fully fine-tuned; nothing of the encoder when frozen) and every
 * head's dense weight and bias, under the model's stable parameter names ({@code encoder.layer.0.attention.self
 * .query.lora_A.weight}, {@code heads.<task>.dense.weight}), in {@link SafeTensors} layout. The header's metadata
 * says what is needed to put them back onto the base model: {@value #FORMAT_KEY} ({@value #FORMAT}), the adapter
 * method ({@value #ADAPTER_KEY}, the run request's adapter section as JSON), the tasks in head order
 * ({@value #TASKS_KEY}, JSON array) and the base model's SHA-256 ({@value #BASE_SHA256_KEY}) when known.
 */
public final class AdapterFile {

    public static final String FORMAT_KEY = "format";
    public static final String FORMAT = "multitune.adapters/1";
    public static final String ADAPTER_KEY = "adapter";
    public static final String TASKS_KEY = "tasks";
    public static final String BASE_SHA256_KEY = "base_model_sha256";

    private static final ObjectMapper JSON = EventCodec.INSTANCE.mapper();

    private AdapterFile() {
    }

    /**
     * What an adapter file holds.
     *
     * @param adapter         the fine-tuning method the weights belong to
     * @param tasks           task ids in head order
     * @param baseModelSha256 the base model's SHA-256; null when the writer did not know it
     * @param tensors         parameter name → values, in the model's parameter order
     */
    public record Contents(RunRequest.Adapter adapter, List<String> tasks, String baseModelSha256,
                           Map<String, WeightTensor> tensors) {
    }

    /** Writes the model's trainable parameters with the metadata needed to load them back. */
    public static void write(Path file, MultiTaskModel model, String baseModelSha256) throws IOException {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        for (Parameter p : model.trainableParameters()) {
            tensors.put(p.getName(), new WeightTensor(p.getArray().getShape().getShape(),
                    p.getArray().toFloatArray()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(ADAPTER_KEY, JSON.writeValueAsString(describe(model.encoder().options().adapter())));
        metadata.put(TASKS_KEY, JSON.writeValueAsString(model.heads().stream().map(TaskHead::taskId).toList()));
        if (baseModelSha256 != null) {
            metadata.put(BASE_SHA256_KEY, baseModelSha256);
        }
        SafeTensors.write(file, tensors, metadata);
    }

    /** Reads an adapter file; refuses other formats. */
    public static Contents read(Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get(FORMAT_KEY))) {
            throw new IOException(file + " is not a multitune adapter file of format " + FORMAT + " (format: "
                    + meta.get(FORMAT_KEY) + ")");
        }
        try {
            RunRequest.Adapter adapter = JSON.readValue(required(file, meta, ADAPTER_KEY), RunRequest.Adapter.class);
            List<String> tasks = JSON.readValue(required(file, meta, TASKS_KEY), new TypeReference<List<String>>() {
            });
            return new Contents(adapter, List.copyOf(tasks), meta.get(BASE_SHA256_KEY), contents.tensors());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " has malformed adapter metadata: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Loads the file's weights into a model built from the same base with the same adapter method and tasks
     * (its adapters and heads are overwritten; the frozen base is untouched).
     *
     * @throws IllegalArgumentException when the method, the tasks, the parameter names or a shape differ
     */
    public static void load(Path file, MultiTaskModel model) throws IOException {
        load(read(file), model);
    }

    /** Loads read contents into a model; see {@link #load(Path, MultiTaskModel)}. */
    public static void load(Contents contents, MultiTaskModel model) {
        AdapterSpec own = model.encoder().options().adapter();
        AdapterSpec theirs = TrainerSettings.adapter(contents.adapter());
        if (!sameMethod(own, theirs)) {
            throw new IllegalArgumentException("the adapter file was trained with " + theirs + ", the model uses "
                    + own);
        }
        List<String> tasks = model.heads().stream().map(TaskHead::taskId).toList();
        if (!tasks.equals(contents.tasks())) {
            throw new IllegalArgumentException("the adapter file has heads for tasks " + contents.tasks()
                    + ", the model for " + tasks);
        }
        List<Parameter> parameters = model.trainableParameters();
        Set<String> names = parameters.stream().map(Parameter::getName).collect(Collectors.toSet());
        if (!names.equals(contents.tensors().keySet())) {
            throw new IllegalArgumentException("the adapter file's tensors " + difference(contents.tensors().keySet(),
                    names) + " differ from the model's trainable parameters " + difference(names,
                    contents.tensors().keySet()));
        }
        for (Parameter p : parameters) {
            WeightTensor values = contents.tensors().get(p.getName());
            if (!Arrays.equals(p.getArray().getShape().getShape(), values.shape())) {
                throw new IllegalArgumentException("parameter " + p.getName() + " has shape "
                        + p.getArray().getShape() + ", the adapter file " + values.shapeText());
            }
        }
        for (Parameter p : parameters) {
            Heads.setValues(p, contents.tensors().get(p.getName()));
        }
    }

    /** The adapter method as the run request writes it (the inverse of {@link TrainerSettings#adapter}). */
    public static RunRequest.Adapter describe(AdapterSpec spec) {
        if (spec instanceof AdapterSpec.Lora l) {
            return new RunRequest.Adapter("lora", l.rank(), exact(l.alpha()), exact(l.dropout()),
                    l.targets().stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList(),
                    null);
        }
        if (spec instanceof AdapterSpec.Bottleneck b) {
            return new RunRequest.Adapter("bottleneck", null, null, null, null, b.size());
        }
        String type = spec instanceof AdapterSpec.Full ? "full" : "frozen";
        return new RunRequest.Adapter(type, null, null, null, null, null);
    }

    /** Same method for inference: equal but for LoRA's dropout, which only acts while training. */
    static boolean sameMethod(AdapterSpec a, AdapterSpec b) {
        if (a instanceof AdapterSpec.Lora la && b instanceof AdapterSpec.Lora lb) {
            return la.rank() == lb.rank() && Float.compare(la.alpha(), lb.alpha()) == 0
                    && la.targets().equals(lb.targets());
        }
        return a.equals(b);
    }

    /** The shortest decimal that reads back as the same float (0.1f → 0.1, not 0.10000000149011612). */
    private static Double exact(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    private static String required(Path file, Map<String, String> meta, String key) throws IOException {
        String value = meta.get(key);
        if (value == null) {
            throw new IOException(file + " has no " + key + " in its metadata");
        }
        return value;
    }

    private static List<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).sorted().limit(5).toList();
    }
}
