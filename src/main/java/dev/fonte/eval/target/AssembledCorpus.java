package dev.fonte.eval.target;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One corpus folder put together from several, so that the application can be started on documents it does not
 * ship: every file at the top of each folder (documents, and the glossary's {@code *.synonyms}) is copied into a
 * temporary folder, which is deleted on close. Two folders holding a file of the same name are refused, since one
 * would silently hide the other.
 */
public final class AssembledCorpus implements AutoCloseable {

    private final Path folder;
    private final List<Path> sources;

    private AssembledCorpus(Path folder, List<Path> sources) {
        this.folder = folder;
        this.sources = List.copyOf(sources);
    }

    /** Copies the files of {@code folders}, in order, into a new temporary folder. */
    public static AssembledCorpus of(List<Path> folders) throws TargetException {
        if (folders.isEmpty()) {
            throw new TargetException("a corpus needs at least one folder");
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("fonte-eval-corpus");
        } catch (IOException e) {
            throw new TargetException("cannot create a folder for the corpus: " + e.getMessage(), e);
        }
        AssembledCorpus corpus = new AssembledCorpus(folder, folders);
        try {
            corpus.copy();
        } catch (TargetException e) {
            corpus.close();
            throw e;
        }
        return corpus;
    }

    private void copy() throws TargetException {
        Map<String, Path> copied = new HashMap<>();
        for (Path source : sources) {
            if (!Files.isDirectory(source)) {
                throw new TargetException("corpus folder " + source + " does not exist");
            }
            for (Path file : files(source)) {
                String name = file.getFileName().toString();
                Path earlier = copied.putIfAbsent(name, file);
                if (earlier != null) {
                    throw new TargetException("two corpus folders hold " + name + ": " + earlier + " and " + file);
                }
                try {
                    Files.copy(file, folder.resolve(name));
                } catch (IOException e) {
                    throw new TargetException("cannot copy " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The regular, visible files at the top of a folder, by name. */
    private static List<Path> files(Path source) throws TargetException {
        try (Stream<Path> entries = Files.list(source)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new TargetException("cannot read corpus folder " + source + ": " + e.getMessage(), e);
        }
    }

    /** The folder to give the application as its corpus path. */
    public Path folder() {
        return folder;
    }

    /** The folders it was assembled from, for reports. */
    public List<Path> sources() {
        return sources;
    }

    @Override
    public void close() {
        // a temporary folder left behind is harmless, so a file that cannot be deleted does not fail the run
        try (Stream<Path> entries = Files.walk(folder)) {
            entries.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
