package io.multitune.dataprep;

import java.util.List;
import java.util.stream.Collectors;

/** A dataset spec that cannot be read; {@link #problems()} names every problem found, each with its field. */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Rejection> problems;

    public SpecException(List<Rejection> problems) {
        super(problems.stream().map(Rejection::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Rejection> problems() {
        return problems;
    }
}
