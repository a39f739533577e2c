package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.multitune.encoder.weights.WeightTensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The encoder's DJL {@link Parameter}s, all in one manager, in creation order. A trainable parameter's array
 * requires a gradient; a frozen one does not, so autograd skips it (and its weight gradient is never computed).
 */
final class EncoderParameters {

    private final NDManager manager;
    private final List<Parameter> all = new ArrayList<>();

    EncoderParameters(NDManager manager) {
        this.manager = manager;
    }

    Parameter create(String name, WeightTensor values, Parameter.Type type, boolean trainable) {
        NDArray array = manager.create(values.values(), new Shape(values.shape()));
        array.setName(name);
        if (trainable) {
            array.setRequiresGradient(true);
        }
        Parameter parameter = Parameter.builder().setName(name).setType(type).optShape(array.getShape())
                .optArray(array).optRequiresGrad(trainable).build();
        all.add(parameter);
        return parameter;
    }

    List<Parameter> all() {
        return Collections.unmodifiableList(all);
    }

    List<Parameter> trainable() {
        return all.stream().filter(Parameter::requiresGradient).toList();
    }

    /** A parameter's current values, copied out of the engine. */
    static WeightTensor values(Parameter parameter) {
        NDArray array = parameter.getArray();
        return new WeightTensor(array.getShape().getShape(), array.toFloatArray());
    }
}
