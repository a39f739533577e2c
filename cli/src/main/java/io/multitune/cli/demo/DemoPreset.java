package io.multitune.cli.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** How big the demo is. */
public enum DemoPreset {
    /** Smaller Brown extracts (600 POS sentences, 400 genre passages): quick checks. */
    TINY(new DemoDatasets.Limits(600, 400)),
    /** 4,000 POS sentences, 3,000 genre passages. */
    DEFAULT(DemoDatasets.Limits.DEFAULT);

    private final DemoDatasets.Limits limits;

    DemoPreset(DemoDatasets.Limits limits) {
        this.limits = limits;
    }

    public DemoDatasets.Limits limits() {
        return limits;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "tiny" or "default", any case. */
    public static DemoPreset parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("unknown preset '" + name
                        + "', expected one of " + Arrays.stream(values()).map(DemoPreset::wireName)
                        .collect(Collectors.joining(", "))));
    }

    /** Picocli converter for --preset. */
    public static final class Converter implements CommandLine.ITypeConverter<DemoPreset> {
        @Override
        public DemoPreset convert(String value) {
            return parse(value);
        }
    }
}
