package dev.fonte.corpus;

import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every document of a corpus folder. A file that cannot be a document (empty, binary, not UTF-8, unknown
 * type, a front matter header never closed or not YAML, no text left after cleaning) is skipped with a log line naming
 * it; the rest still load. A language the header names but Fonte does not know is a warning, and the text decides.
 */
public final class CorpusLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusLoader.class);

    /** File endings read as documents. */
    static final Set<String> DOCUMENT_TYPES = Set.of("md", "markdown", "txt");
    /** File ending of the synonym glossary, read by retrieval, not a document. */
    public static final String GLOSSARY_TYPE = "synonyms";
    /** Bilingual lexicons of the corpus's vocabulary ({@code en-it.tsv}), read by the retrieval, not documents. */
    public static final String LEXICON_TYPE = "tsv";

    private final Cleaner cleaner;

    public CorpusLoader(List<String> chromePatterns) {
        this.cleaner = new Cleaner(chromePatterns);
    }

    /** What a load produced: the corpus, and the files it skipped with the reason for each. */
    public record Result(Corpus corpus, List<Skipped> skipped) {
    }

    public record Skipped(Path file, String reason) {
    }

    /**
     * @throws CorpusException when the folder itself cannot be read
     */
    public Result load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CorpusException("corpus folder not found: " + folder.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CorpusException("cannot list corpus folder " + folder.toAbsolutePath(), e);
        }
        List<Document> documents = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || extension(name).equals(GLOSSARY_TYPE) || extension(name).equals(LEXICON_TYPE)) {
                continue;
            }
            try {
                Document doc = read(file);
                if (!ids.add(doc.id())) {
                    throw new CorpusException("another file already has document id " + doc.id());
                }
                documents.add(doc);
                passages.addAll(Segmenter.segment(doc.id(), doc.language(), doc.text()));
            } catch (CorpusException e) {
                LOG.warn("Skipping corpus file {}: {}", file, e.getMessage());
                skipped.add(new Skipped(file, e.getMessage()));
            }
        }
        LOG.info("Loaded {} document(s), {} passage(s) from {}", documents.size(), passages.size(), folder);
        return new Result(new Corpus(documents, passages), skipped);
    }

    Document read(Path file) {
        String name = file.getFileName().toString();
        String type = extension(name);
        if (!DOCUMENT_TYPES.contains(type)) {
            throw new CorpusException("unknown type '." + type + "' (expected .md, .markdown or .txt)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new CorpusException("empty file");
        }
        String raw = decodeUtf8(bytes);
        if (raw.indexOf('\0') >= 0) {
            throw new CorpusException("binary content (NUL bytes)");
        }
        if (raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        FrontMatter header = FrontMatter.parse(raw.replace("\r\n", "\n"));
        String body = raw.replace("\r\n", "\n").substring(header.bodyOffset());
        String id = documentId(name);
        String title = header.get("title");
        String text = cleaner.clean(body, title);
        if (text.isBlank()) {
            throw new CorpusException("no text left after cleaning");
        }
        if (title == null) {
            title = text.lines().findFirst().map(l -> l.length() > 120 ? l.substring(0, 120) + "…" : l).orElse(id);
        }
        Languages languages = Languages.standard();
        String language = header.get("language");
        if (language != null && languages.find(language.toLowerCase(Locale.ROOT)).isEmpty()) {
            LOG.warn("Corpus file {}: its front matter names the language '{}', which has no language pack ({}); the "
                    + "language is detected from the text instead", file, language,
                    languages.all().stream().map(Language::code).sorted().toList());
            language = null;
        }
        if (language == null) {
            language = languages.detect(text).code();
        }
        String translationOf = header.get("translation_of");
        return new Document(id, title, language.toLowerCase(Locale.ROOT), header.get("source"), header.get("date"),
                translationOf == null ? null : documentId(translationOf), text);
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CorpusException("not UTF-8 text", e);
        }
    }

    /** {@code Meta AI 2025.it.md} becomes {@code meta-ai-2025-it}. */
    static String documentId(String fileName) {
        String stem = DOCUMENT_TYPES.contains(extension(fileName))
                ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String id = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "document" : id;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
