package io.multitune.evaluation;

import java.util.List;

/** Argument checks shared by the packages, so that bad input fails the same way everywhere. */
public final class Arguments {

    private Arguments() {
    }

    /** Fails unless {@code condition} holds, naming the argument and the reason. */
    public static void require(boolean condition, String argument, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(argument + ": " + reason);
        }
    }

    /** Fails when {@code value} is null; returns it otherwise. */
    public static <T> T notNull(T value, String argument) {
        require(value != null, argument, "must not be null");
        return value;
    }

    /** Fails unless both lengths are equal and positive. */
    public static void sameNonEmptyLength(int first, int second, String firstName, String secondName) {
        require(first > 0, firstName, "must not be empty");
        require(first == second, secondName, "has length " + second + " but " + firstName + " has length " + first);
    }

    /** Fails unless the two lists are non-null, non-empty and of equal size. */
    public static void sameNonEmptySize(List<?> first, List<?> second, String firstName, String secondName) {
        notNull(first, firstName);
        notNull(second, secondName);
        sameNonEmptyLength(first.size(), second.size(), firstName, secondName);
    }

    /** Fails unless {@code value} is finite. */
    public static double finite(double value, String argument) {
        require(Double.isFinite(value), argument, "must be finite, was " + value);
        return value;
    }
}
