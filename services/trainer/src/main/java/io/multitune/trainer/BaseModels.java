package io.multitune.trainer;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.ModelResource;
import io.multitune.encoder.ParityCheck;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.BertCheckpoint;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.sampling.request.RunDefaults;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The pretrained encoders jobs start from, loaded once each and checked against ONNX Runtime at load: the DJL
 * rebuild must match the original graph within the configured tolerance, or the model is refused. The default
 * ({@value RunDefaults#BASE_MODEL}) comes from the classpath; any other name is a path to a BERT-layout ONNX file
 * with its {@code tokenizer.json} in the same directory.
 */
@ApplicationScoped
public class BaseModels {
    private static final Logger LOG = Logger.getLogger(BaseModels.class);

    /** A loaded base model: its weights, tokenizer, and where both came from. */
    public record BaseModel(String name, String sha256, BertCheckpoint checkpoint, ModelResource tokenizerJson,
                            BertTokenization tokenization, ParityCheck.Result parity) {
    }

    private final TrainerConfig config;
    private final Map<String, BaseModel> loaded = new ConcurrentHashMap<>();

    BaseModels(TrainerConfig config) {
        this.config = config;
    }

    /** The base model of a request's {@code baseModel} (null: the default), loading it on first use. */
    public BaseModel get(String name) throws BaseModelException {
        String key = name == null ? RunDefaults.BASE_MODEL : name;
        BaseModel model = loaded.get(key);
        if (model == null) {
            synchronized (this) {
                model = loaded.get(key);
                if (model == null) {
                    model = load(key);
                    loaded.put(key, model);
                }
            }
        }
        return model;
    }

    /** Whether the default model is loaded and passed its check (readiness). */
    public boolean defaultReady() {
        return loaded.containsKey(RunDefaults.BASE_MODEL);
    }

    private BaseModel load(String name) throws BaseModelException {
        ModelResource onnx;
        ModelResource tokenizer;
        if (name.toLowerCase(Locale.ROOT).equals(RunDefaults.BASE_MODEL.toLowerCase(Locale.ROOT))) {
            onnx = MiniLmL6V2.ONNX;
            tokenizer = MiniLmL6V2.TOKENIZER_JSON;
        } else {
            Path file = Path.of(name);
            Path tokenizerFile = file.resolveSibling("tokenizer.json");
            if (!Files.isRegularFile(file)) {
                throw new BaseModelException("baseModel '" + name + "' is neither " + RunDefaults.BASE_MODEL
                        + " nor a readable ONNX file");
            }
            if (!Files.isRegularFile(tokenizerFile)) {
                throw new BaseModelException("baseModel '" + name + "' has no tokenizer.json next to it");
            }
            onnx = ModelResource.file(file);
            tokenizer = ModelResource.file(tokenizerFile);
        }
        long started = System.nanoTime();
        BertTokenization tokenization = null;
        try {
            byte[] bytes = onnx.readAllBytes();
            BertCheckpoint checkpoint = OnnxBertReader.read(bytes, onnx.describe());
            tokenization = BertTokenization.load(tokenizer, config.maxSequenceLength());
            ParityCheck.Result parity = parity(checkpoint, bytes, tokenization);
            if (!parity.passed()) {
                throw new BaseModelException("baseModel '" + name + "' failed the check against ONNX Runtime: "
                        + parity);
            }
            LOG.infof("base model %s (sha256 %s) loaded in %.1f s; DJL vs ONNX Runtime: %s", name,
                    checkpoint.sha256(), (System.nanoTime() - started) / 1e9, parity);
            return new BaseModel(name, checkpoint.sha256(), checkpoint, tokenizer, tokenization, parity);
        } catch (BaseModelException e) {
            closeQuietly(tokenization);
            throw e;
        } catch (Exception e) {
            closeQuietly(tokenization);
            throw new BaseModelException("baseModel '" + name + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private ParityCheck.Result parity(BertCheckpoint checkpoint, byte[] onnxBytes, BertTokenization tokenization)
            throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = BertEncoder.create(manager, checkpoint.weights(),
                    EncoderOptions.withoutDropout(AdapterSpec.frozen()));
            return ParityCheck.compare(encoder, onnxBytes, tokenization.encode(ParityCheck.PROBE_SENTENCES),
                    config.parityTolerance());
        }
    }

    private static void closeQuietly(BertTokenization tokenization) {
        if (tokenization != null) {
            tokenization.close();
        }
    }

    @PreDestroy
    void close() {
        loaded.values().forEach(m -> m.tokenization().close());
    }

    /** A base model that cannot be used: missing, unsupported graph, or failing the parity check. */
    public static final class BaseModelException extends Exception {
        public BaseModelException(String message) {
            super(message);
        }

        public BaseModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
