package dev.fonte.bench;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic news corpus for the scale benchmark, from the templates of {@code bench/news.yaml}: the shipped article
 * and its translation, eight planted documents (four Italian, four English) each carrying four facts about one
 * company, and distractor documents (500 to 1500 words, Italian and English) full of the same kinds of facts about
 * other companies. The same seed gives the same corpus; every size holds the same planted documents.
 */
final class NewsCorpus {

    /** A question about a planted fact, the text its answer must contain, and the document that holds it. */
    record Fact(String documentId, String language, String question, String answer) {
    }

    private static final String[] MENTIONS_EN = {
            "{company} published the figures in a statement on Tuesday.",
            "A spokesperson for {company} confirmed the plan to reporters.",
            "{company} is one of the fastest-growing groups in its sector.",
            "The plan is the largest in the history of {company}."};
    private static final String[] MENTIONS_IT = {
            "{company} ha pubblicato i dati in un comunicato martedì.",
            "Un portavoce di {company} ha confermato il piano ai giornalisti.",
            "{company} è uno dei gruppi che crescono più in fretta nel suo settore.",
            "Il piano è il più grande nella storia di {company}."};

    private final Map<String, Object> templates;
    private final Random random;

    private NewsCorpus(long seed) {
        try (InputStream in = NewsCorpus.class.getClassLoader().getResourceAsStream("bench/news.yaml")) {
            this.templates = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.random = new Random(seed);
    }

    /** Writes a corpus of {@code documents} documents (10 at least) into {@code folder}; returns its planted facts. */
    static List<Fact> write(Path folder, int documents, long seed, Path article) throws IOException {
        Files.createDirectories(folder);
        for (String file : List.of("meta-ai-2025.it.md", "meta-ai-2025.en.md", "glossary.synonyms")) {
            Files.copy(article.resolve(file), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        NewsCorpus corpus = new NewsCorpus(seed);
        List<Fact> facts = new ArrayList<>();
        int planted = 0;
        for (String language : List.of("en", "it")) {
            for (Map<String, Object> p : corpus.<Map<String, Object>>list(language + "_planted")) {
                Map<String, String> slots = new HashMap<>();
                p.forEach((k, v) -> slots.put(k, String.valueOf(v)));
                String name = "planted-" + (++planted);
                facts.addAll(corpus.planted(folder, name, language, slots,
                        Boolean.parseBoolean(slots.get("implicit"))));
            }
        }
        for (int i = 0; i < documents - 2 - planted; i++) {
            String language = i % 2 == 0 ? "en" : "it";
            corpus.distractor(folder, String.format(Locale.ROOT, "news-%05d", i), language);
        }
        return facts;
    }

    /**
     * Questions of the planted facts' kinds about the corpus's other companies (those of its distractor documents),
     * English and Italian in turn: none is about a planted fact, none is asked twice.
     */
    static List<String> otherQuestions(int n, long seed) {
        NewsCorpus corpus = new NewsCorpus(seed);
        Set<String> questions = new LinkedHashSet<>();
        for (int i = 0; questions.size() < n; i++) {
            String language = i % 2 == 0 ? "en" : "it";
            List<Map<String, Object>> facts = corpus.list(language + ".facts");
            Map<String, Object> t = facts.get((i / 2) % facts.size());
            questions.add(fill((String) t.get("question"), corpus.randomSlots(language)));
        }
        return List.copyOf(questions);
    }

    /** The same text twice: as paragraphs, and as one paragraph with no blank line (the window check). */
    static void longFile(Path paragraphs, Path oneParagraph, int bytes, long seed) throws IOException {
        NewsCorpus corpus = new NewsCorpus(seed);
        List<String> paras = new ArrayList<>();
        int size = 0;
        while (size < bytes) {
            String p = corpus.paragraph("en", corpus.randomSlots("en"), false);
            paras.add(p);
            size += p.length() + 2;
        }
        String header = "---\ntitle: A long report\nlanguage: en\n---\n";
        Files.writeString(paragraphs, header + String.join("\n\n", paras) + "\n", StandardCharsets.UTF_8);
        Files.writeString(oneParagraph, header + String.join(" ", paras) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes {@code <name>.<language>.md} (document id {@code <name>-<language>}) and returns its facts. */
    private List<Fact> planted(Path folder, String name, String language, Map<String, String> slots, boolean implicit)
            throws IOException {
        String id = name + "-" + language;
        List<Map<String, Object>> factTemplates = list(language + ".facts");
        List<String> paragraphs = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        String[] mentions = language.equals("en") ? MENTIONS_EN : MENTIONS_IT;
        int base = Integer.parseInt(slots.get("n"));
        for (int f = 0; f < factTemplates.size(); f++) {
            Map<String, Object> t = factTemplates.get(f);
            // each fact its own number: an answer with another fact's number is wrong, not right by chance
            slots.put("n", Integer.toString(base + 13 * f));
            String fact = fill((String) t.get("text"), slots);
            if (implicit) {
                fact = fact.replace(slots.get("company"), language.equals("en") ? "The company" : "L'azienda");
            }
            String mention = fill(mentions[f % mentions.length], slots);
            paragraphs.add(mention + " " + fact + " " + paragraph(language, slots, true));
            paragraphs.add(paragraph(language, slots, true));
            facts.add(new Fact(id, language, fill((String) t.get("question"), slots),
                    fill((String) t.get("answer"), slots)));
        }
        write(folder, name, language, fill(pick(strings(language + ".titles")), slots), paragraphs);
        return facts;
    }

    private void distractor(Path folder, String id, String language) throws IOException {
        Map<String, String> slots = randomSlots(language);
        int words = 500 + random.nextInt(1001);
        List<String> paragraphs = new ArrayList<>();
        int count = 0;
        while (count < words) {
            String p = paragraph(language, slots, false);
            paragraphs.add(p);
            count += p.split("\\s+").length;
        }
        write(folder, id, language, fill(pick(strings(language + ".titles")), slots), paragraphs);
    }

    /** Three to six sentences: mostly filler, some facts with other numbers, some naming the company. */
    private String paragraph(String language, Map<String, String> company, boolean fillerOnly) {
        int sentences = 3 + random.nextInt(4);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            Map<String, String> slots = new HashMap<>(randomSlots(language));
            slots.put("company", company.get("company"));
            double r = random.nextDouble();
            if (!fillerOnly && r < 0.2) {
                Map<String, Object> t = pick(this.<Map<String, Object>>list(language + ".facts"));
                String fact = fill((String) t.get("text"), slots);
                if (random.nextBoolean()) {
                    fact = fact.replace(slots.get("company"), language.equals("en") ? "The company" : "L'azienda");
                }
                out.add(fact);
            } else if (!fillerOnly && r < 0.3) {
                out.add(fill(pick(language.equals("en") ? MENTIONS_EN : MENTIONS_IT), slots));
            } else {
                out.add(fill(pick(strings(language + ".filler")), slots));
            }
        }
        return String.join(" ", out);
    }

    private Map<String, String> randomSlots(String language) {
        Map<String, String> slots = new HashMap<>();
        slots.put("company", pick(strings("companies")));
        slots.put("person", pick(strings("people")));
        slots.put("city", pick(strings(language.equals("en") ? "cities_en" : "cities")));
        slots.put("thing", pick(strings(language.equals("en") ? "things_en" : "things")));
        slots.put("n", Integer.toString(2 + random.nextInt(900)));
        slots.put("big", Integer.toString(1 + random.nextInt(60)));
        slots.put("year", Integer.toString(2025 + random.nextInt(5)));
        slots.put("pct", Integer.toString(1 + random.nextInt(30)));
        return slots;
    }

    private static void write(Path folder, String name, String language, String title, List<String> paragraphs)
            throws IOException {
        String text = "---\ntitle: \"" + title.replace("\"", "'") + "\"\nlanguage: " + language + "\n---\n"
                + String.join("\n\n", paragraphs) + "\n";
        Files.writeString(folder.resolve(name + "." + language + ".md"), text, StandardCharsets.UTF_8);
    }

    private static String fill(String template, Map<String, String> slots) {
        String out = template;
        for (Map.Entry<String, String> e : slots.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String pick(String[] items) {
        return items[random.nextInt(items.length)];
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String path) {
        Object node = templates;
        for (String key : path.split("\\.")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (List<T>) node;
    }

    private List<String> strings(String path) {
        return list(path);
    }
}
