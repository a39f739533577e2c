package io.multitune.encoder;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model file (an ONNX graph or a tokenizer.json) comes from: a classpath resource (the MiniLM files ship in
 * a Maven artifact), a file, or bytes already in memory (a model just written, never touching the disk).
 */
public sealed interface ModelResource {

    static ModelResource classpath(String name) {
        return new Classpath(name);
    }

    static ModelResource file(Path path) {
        return new File(path);
    }

    static ModelResource bytes(String label, byte[] bytes) {
        return new Bytes(label, bytes);
    }

    /** Opens the content; the caller closes the stream. */
    InputStream open() throws IOException;

    /** Where it comes from, for provenance and error messages. */
    String describe();

    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** A resource on this library's classpath, by its full name without a leading slash. */
    record Classpath(String name) implements ModelResource {
        @Override
        public InputStream open() throws IOException {
            InputStream in = ModelResource.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new FileNotFoundException("no classpath resource " + name);
            }
            return in;
        }

        @Override
        public String describe() {
            return "classpath:" + name;
        }
    }

    /** A file on disk. */
    record File(Path path) implements ModelResource {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            return Files.readAllBytes(path);
        }

        @Override
        public String describe() {
            return "file:" + path.toAbsolutePath();
        }
    }

    /** Bytes in memory; {@code label} says what they are. */
    record Bytes(String label, byte[] bytes) implements ModelResource {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] readAllBytes() {
            return bytes;
        }

        @Override
        public String describe() {
            return "memory:" + label;
        }
    }
}
