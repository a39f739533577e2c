package io.multitune.encoder.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the encoder is fine-tuned (METHODS.md, Adapters). The pretrained weights are frozen in every mode but
 * {@link Full}; {@link Frozen} trains nothing in the encoder (heads only, e.g. a linear probe).
 */
public sealed interface AdapterSpec {

    static AdapterSpec full() {
        return new Full();
    }

    static AdapterSpec frozen() {
        return new Frozen();
    }

    static AdapterSpec lora(int rank, float alpha, float dropout, LoraTarget... targets) {
        Set<LoraTarget> set = EnumSet.noneOf(LoraTarget.class);
        set.addAll(Arrays.asList(targets));
        return new Lora(rank, alpha, dropout, set);
    }

    static AdapterSpec bottleneck(int size) {
        return new Bottleneck(size);
    }

    /** Every encoder weight trains. */
    record Full() implements AdapterSpec {
    }

    /** No encoder weight trains. */
    record Frozen() implements AdapterSpec {
    }

    /**
     * LoRA (Hu et al. 2021): W' = W + (alpha/rank) B A on the targeted dense layers; A [rank, in] Kaiming-uniform,
     * B [out, rank] zeros; dropout on the branch's input.
     */
    record Lora(int rank, float alpha, float dropout, Set<LoraTarget> targets) implements AdapterSpec {
        public Lora {
            if (rank <= 0) {
                throw new IllegalArgumentException("LoRA rank must be > 0, got " + rank);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("LoRA needs at least one target");
            }
            // An EnumSet keeps the targets in declaration order, so configs and logs print stably.
            targets = Collections.unmodifiableSet(EnumSet.copyOf(targets));
        }

        /** alpha / rank, the factor on B A. */
        public float scaling() {
            return alpha / rank;
        }
    }

    /**
     * Houlsby bottleneck adapters after the attention output and the FFN output: h ← h + W_up GELU(W_down h),
     * W_up = 0 at the start so each adapter starts as the identity.
     */
    record Bottleneck(int size) implements AdapterSpec {
        public Bottleneck {
            if (size <= 0) {
                throw new IllegalArgumentException("bottleneck size must be > 0, got " + size);
            }
        }
    }
}
