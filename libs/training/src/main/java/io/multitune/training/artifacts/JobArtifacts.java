package io.multitune.training.artifacts;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.BertCheckpoint;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.events.EventCodec;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.TrainerSettings;
import io.multitune.training.checkpoint.DurableFiles;
import io.multitune.training.heads.TaskHead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The artifacts of a trained job, under an artifact root shared by trainers and readers, in the job directory
 * {@code runs/<runId>/<jobId>/}:
 * <ul>
 *   <li>{@value #MODEL_FILE}: the model for serving ({@link OnnxMultiTaskWriter}: LoRA merged into the weights,
 *       bottleneck adapters as nodes, one output per task head; {@code OrtMultiTaskRunner} serves it);</li>
 *   <li>{@value #ADAPTERS_FILE}: the trainable weights alone, small for adapters ({@link AdapterFile}, safetensors
 *       layout, so that tools outside multitune read it too); with the base model they rebuild the trained model
 *       ({@link #loadModel});</li>
 *   <li>{@value #MANIFEST_FILE}: the provenance and the SHA-256 and size of the two other files
 *       ({@link ArtifactManifest}).</li>
 * </ul>
 * Nothing here travels through Kafka: events carry each file's path relative to the root and its SHA-256
 * ({@link ArtifactFile}), and readers check both with {@link #verify}.
 *
 * <p><b>Atomic.</b> The files are written into a temporary sibling directory ({@code .<jobId>.tmp-*}), flushed to
 * disk, and the directory is renamed into place, then the parent directory is flushed: a reader sees the whole job
 * directory or none. A failed write removes its temporary directory; temporary directories of the same job left
 * by a crashed writer are removed by the next write.
 *
 * <p><b>Written once.</b> A retried job that writes again finds the complete, verified directory of the earlier
 * write and keeps it: nothing is written, and the result lists the earlier files with {@code reused = true}. So a
 * path and digest that an event already published stay valid forever, and the event a retry publishes describes
 * exactly what is on disk. If two writers race, the first rename wins and the second returns the winner's listing.
 * Only a directory that fails verification (incomplete or tampered with) is replaced.
 *
 * <p>Job and run ids are used as path segments with every character outside {@code [A-Za-z0-9._-]} (and a leading
 * dot) percent-encoded, so that no id can escape its directory or hide as a dot file.
 */
public final class JobArtifacts {

    public static final int FORMAT = 1;
    public static final String RUNS = "runs";
    public static final String MODEL_FILE = "model.onnx";
    public static final String ADAPTERS_FILE = "adapters.safetensors";
    public static final String MANIFEST_FILE = "manifest.json";

    private static final ObjectMapper JSON = EventCodec.INSTANCE.mapper();

    private JobArtifacts() {
    }

    /** A point inside {@link #write} where tests make it fail. */
    @FunctionalInterface
    interface Hook {
        void beforeManifest(Path temporaryDirectory) throws IOException;
    }

    /**
     * Writes the job's model, adapters and manifest atomically, or keeps an earlier complete write of the same job
     * (see the class comment).
     *
     * @throws IllegalArgumentException when the job plan's tasks are not the model's heads, or metrics name a
     *                                  task outside the job
     */
    public static WrittenArtifacts write(Path root, ArtifactProvenance provenance, MultiTaskModel model)
            throws IOException {
        return write(root, provenance, model, temp -> {
        });
    }

    static WrittenArtifacts write(Path root, ArtifactProvenance provenance, MultiTaskModel model, Hook hook)
            throws IOException {
        List<String> heads = model.heads().stream().map(TaskHead::taskId).toList();
        List<String> tasks = provenance.job().tasks() == null ? List.of()
                : provenance.job().tasks().stream().map(TaskPlan::taskId).toList();
        if (!heads.equals(tasks)) {
            throw new IllegalArgumentException("job " + provenance.jobId() + " plans tasks " + tasks
                    + ", the model has heads " + heads);
        }
        for (String task : provenance.metrics().keySet()) {
            if (!tasks.contains(task)) {
                throw new IllegalArgumentException("metrics for task " + task + ", which is not a task of job "
                        + provenance.jobId() + " " + tasks);
            }
        }
        String directory = jobDirectory(provenance.runId(), provenance.jobId());
        Path target = resolve(root, directory);
        Optional<WrittenArtifacts> earlier = intact(root, directory, provenance.runId(), provenance.jobId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String prefix = "." + target.getFileName() + ".";
        deleteSiblings(parent, prefix + "tmp-");
        deleteSiblings(parent, prefix + "broken-");
        Path temp = Files.createTempDirectory(parent, prefix + "tmp-");
        try {
            MultiTaskModel.Exported exported = model.export();
            Path onnx = temp.resolve(MODEL_FILE);
            OnnxMultiTaskWriter.write(exported.encoder(), exported.heads(), onnx);
            DurableFiles.sync(onnx);
            Path adapters = temp.resolve(ADAPTERS_FILE);
            AdapterFile.write(adapters, model, provenance.baseModelSha256());
            DurableFiles.sync(adapters);
            hook.beforeManifest(temp);

            Map<String, TaskMetrics> metrics = new LinkedHashMap<>();
            for (String task : tasks) {
                TaskMetrics m = provenance.metrics().get(task);
                if (m != null) {
                    metrics.put(task, m);
                }
            }
            long trainable = model.trainableParameters().stream().mapToLong(p -> p.getArray().size()).sum();
            ArtifactManifest manifest = new ArtifactManifest(FORMAT, provenance.runId(), provenance.jobId(),
                    new ArtifactManifest.BaseModel(provenance.baseModel(), provenance.baseModelSha256()),
                    provenance.request(), provenance.datasetProfiles(), provenance.job(), provenance.codeVersion(),
                    provenance.seed(), provenance.stepsTrained(), provenance.outcome(), metrics,
                    new ArtifactManifest.Adapters(AdapterFile.describe(model.encoder().options().adapter()),
                            trainable),
                    provenance.createdAt(), List.of(
                    listed(ArtifactFile.MODEL, onnx), listed(ArtifactFile.ADAPTERS, adapters)));
            Path manifestFile = temp.resolve(MANIFEST_FILE);
            Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            DurableFiles.sync(manifestFile);
            DurableFiles.syncDirectory(temp);
            return publish(root, directory, temp, target, provenance);
        } catch (IOException | RuntimeException e) {
            DurableFiles.deleteRecursively(temp);
            throw e;
        }
    }

    /**
     * The verified listing of a job's artifacts; empty when the job has none.
     *
     * @throws ArtifactVerificationException when the directory exists but a file is missing or corrupt
     */
    public static Optional<WrittenArtifacts> read(Path root, String runId, String jobId) throws IOException {
        String directory = jobDirectory(runId, jobId);
        if (!Files.isDirectory(resolve(root, directory))) {
            return Optional.empty();
        }
        return Optional.of(listing(root, directory, runId, jobId, true));
    }

    /**
     * Checks that an artifact exists, has its size and hashes to its SHA-256.
     *
     * @return the file's path
     * @throws ArtifactVerificationException when it does not
     */
    public static Path verify(Path root, ArtifactFile file) throws IOException {
        Path path = resolve(root, file.relativePath());
        verifyFile(path, file.sha256(), file.bytes());
        return path;
    }

    /** Reads a manifest after verifying it; refuses formats other than {@value #FORMAT}. */
    public static ArtifactManifest readManifest(Path root, ArtifactFile manifest) throws IOException {
        return parseManifest(verify(root, manifest));
    }

    /**
     * Rebuilds a job's trained model from its adapters and the base model: the heads of the job's tasks, the
     * adapter method of the manifest, the adapter file's weights (verified against the manifest). The model's
     * outputs in eval mode are those of the model that was written. The caller closes it.
     *
     * @param base the base model the job trained on; its SHA-256 must be the manifest's
     */
    public static MultiTaskModel loadModel(NDManager parent, BertCheckpoint base, Path root, ArtifactFile manifest)
            throws IOException {
        ArtifactManifest m = readManifest(root, manifest);
        if (!m.baseModel().sha256().equals(base.sha256())) {
            throw new IllegalArgumentException("job " + m.jobId() + " was trained on " + m.baseModel().name()
                    + " with SHA-256 " + m.baseModel().sha256() + ", the base given has " + base.sha256());
        }
        Path directory = resolve(root, manifest.relativePath()).getParent();
        ArtifactManifest.ManifestFile listed = m.file(ArtifactFile.ADAPTERS);
        Path adapters = directory.resolve(checkedName(listed.path()));
        verifyFile(adapters, listed.sha256(), listed.bytes());
        AdapterFile.Contents contents = AdapterFile.read(adapters);
        AdapterSpec spec = TrainerSettings.adapter(contents.adapter());
        MultiTaskModel model = MultiTaskModel.create(parent, base.weights(), EncoderOptions.withoutDropout(spec),
                m.job().tasks(), m.seed());
        try {
            AdapterFile.load(contents, model);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** {@code runs/<runId>/<jobId>}, ids encoded as safe path segments. */
    public static String jobDirectory(String runId, String jobId) {
        return runDirectory(runId) + "/" + segment(jobId);
    }

    /** {@code runs/<runId>}: the run's jobs, and the evaluator's report of the run. */
    public static String runDirectory(String runId) {
        return RUNS + "/" + segment(runId);
    }

    /**
     * A path relative to the root, forward slashes, as artifacts list it.
     *
     * @throws IllegalArgumentException for absolute paths, backslashes, empty, {@code .} or {@code ..} segments
     */
    public static Path resolve(Path root, String relativePath) {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.indexOf('\\') >= 0
                || relativePath.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a relative artifact path: '" + relativePath + "'");
        }
        Path path = root;
        for (String segment : relativePath.split("/", -1)) {
            path = path.resolve(checkedName(segment));
        }
        return path;
    }

    /** An id as one path segment: characters outside [A-Za-z0-9._-] and a leading dot as %XX of their UTF-8. */
    static String segment(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an id used in an artifact path must not be empty");
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
                    || b == '-' || b == '.' && i > 0;
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** An earlier complete write; empty when absent or broken (a broken one is replaced by the new write). */
    private static Optional<WrittenArtifacts> intact(Path root, String directory, String runId, String jobId)
            throws IOException {
        if (!Files.isDirectory(resolve(root, directory))) {
            return Optional.empty();
        }
        try {
            return Optional.of(listing(root, directory, runId, jobId, true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The listing of a job directory, every file verified against the manifest. */
    private static WrittenArtifacts listing(Path root, String directory, String runId, String jobId, boolean reused)
            throws IOException {
        Path dir = resolve(root, directory);
        Path manifestPath = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifestPath)) {
            throw new ArtifactVerificationException("job directory " + dir + " has no " + MANIFEST_FILE);
        }
        ArtifactManifest manifest = parseManifest(manifestPath);
        if (!runId.equals(manifest.runId()) || !jobId.equals(manifest.jobId())) {
            throw new ArtifactVerificationException(manifestPath + " describes run " + manifest.runId() + ", job "
                    + manifest.jobId() + ", not run " + runId + ", job " + jobId);
        }
        List<ArtifactFile> files = new ArrayList<>();
        for (String role : List.of(ArtifactFile.MODEL, ArtifactFile.ADAPTERS)) {
            ArtifactFile file;
            try {
                ArtifactManifest.ManifestFile f = manifest.file(role);
                file = new ArtifactFile(role, directory + "/" + checkedName(f.path()), f.sha256(), f.bytes());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ArtifactVerificationException(manifestPath + " lists no valid " + role + " file: "
                        + e.getMessage());
            }
            verify(root, file);
            files.add(file);
        }
        files.add(new ArtifactFile(ArtifactFile.MANIFEST, directory + "/" + MANIFEST_FILE,
                DurableFiles.sha256(manifestPath),
                Files.size(manifestPath)));
        return new WrittenArtifacts(directory, files, reused);
    }

    private static WrittenArtifacts publish(Path root, String directory, Path temp, Path target,
                                            ArtifactProvenance provenance) throws IOException {
        try {
            DurableFiles.move(temp, target);
        } catch (IOException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            // Another writer got there first (or a broken directory is in the way).
            Optional<WrittenArtifacts> other = intact(root, directory, provenance.runId(), provenance.jobId());
            if (other.isPresent()) {
                DurableFiles.deleteRecursively(temp);
                return other.get();
            }
            Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".broken-");
            DurableFiles.move(target, aside.resolve("job"));
            DurableFiles.move(temp, target);
            DurableFiles.deleteRecursively(aside);
        }
        DurableFiles.syncDirectory(target.getParent());
        DurableFiles.syncDirectory(target.getParent().getParent()); // runs/, which may have gained the run's directory
        return listing(root, directory, provenance.runId(), provenance.jobId(), false);
    }

    private static ArtifactManifest parseManifest(Path file) throws IOException {
        ArtifactManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), ArtifactManifest.class);
        } catch (JsonProcessingException e) {
            throw new ArtifactVerificationException(file + " is not a readable manifest: " + e.getOriginalMessage());
        }
        if (manifest == null || manifest.files() == null) {
            throw new ArtifactVerificationException(file + " is not a readable manifest: no file list");
        }
        if (manifest.format() != FORMAT) {
            throw new IOException(file + " has manifest format " + manifest.format() + ", this reader knows "
                    + FORMAT);
        }
        return manifest;
    }

    private static ArtifactManifest.ManifestFile listed(String role, Path file) throws IOException {
        return new ArtifactManifest.ManifestFile(role, file.getFileName().toString(), DurableFiles.sha256(file), Files.size(file));
    }

    private static void verifyFile(Path path, String sha256, long bytes) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new ArtifactVerificationException("artifact " + path + " is missing");
        }
        long size = Files.size(path);
        if (size != bytes) {
            throw new ArtifactVerificationException("artifact " + path + " has " + size + " bytes, expected "
                    + bytes);
        }
        String actual = DurableFiles.sha256(path);
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new ArtifactVerificationException("artifact " + path + " has SHA-256 " + actual + ", expected "
                    + sha256);
        }
    }

    private static String checkedName(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('/') >= 0
                || segment.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not a plain file or directory name: '" + segment + "'");
        }
        return segment;
    }





    private static void deleteSiblings(Path parent, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                DurableFiles.deleteRecursively(p);
            }
        }
    }


    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        return DurableFiles.sha256(file);
    }
}
