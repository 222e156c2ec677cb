package dev.fonte.retrieval;

import dev.fonte.corpus.CacheFolders;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The folder of the index on disk, memory-mapped: its commits are served through a {@link SearcherManager}, and every
 * segment's checksums are verified whole the first time a reader opens it, so a damaged file is found before anything
 * is read from it, never trusted. One process at a time writes (Lucene's write lock); any number read.
 */
final class IndexFolder implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFolder.class);
    /** The files Lucene writes in an index folder: only these are ever deleted. */
    private static final Pattern LUCENE_FILE = Pattern.compile(
            IndexFileNames.CODEC_FILE_PATTERN.pattern() + "|" + IndexFileNames.SEGMENTS + "(_[a-z0-9]+)?|"
                    + IndexFileNames.PENDING_SEGMENTS + "(_[a-z0-9]+)?");

    private final Path path;
    private final FSDirectory directory;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private SearcherManager searchers;
    private IndexWriter writer;

    private IndexFolder(Path path, FSDirectory directory) {
        this.path = path;
        this.directory = directory;
    }

    /**
     * Opens the folder; a writer creates it (readable by its user only) when it is missing.
     *
     * @throws IOException when it cannot be created or opened
     */
    static IndexFolder open(Path path, boolean writable) throws IOException {
        if (writable) {
            CacheFolders.createPrivate(path);
        }
        return new IndexFolder(path, new MMapDirectory(path));
    }

    Path path() {
        return path;
    }

    /** Whether the folder holds a commit (which may still turn out damaged when opened). */
    synchronized boolean hasCommit() throws IOException {
        return Files.isDirectory(path) && DirectoryReader.indexExists(directory);
    }

    /**
     * The searcher manager of the folder's commits, opened on the latest one the first time.
     *
     * @throws IOException when that commit cannot be read or a checksum does not match (the index is damaged)
     */
    synchronized SearcherManager searchers() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, new VerifyingFactory());
        }
        return searchers;
    }

    /**
     * The writer, opened the first time: on the latest commit, or on an empty index when there is none.
     *
     * @throws org.apache.lucene.store.LockObtainFailedException when another process writes this index
     */
    synchronized IndexWriter writer(IndexWriterConfig config) throws IOException {
        if (writer == null || !writer.isOpen()) {
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            // closing never commits: only a whole step of an update is ever committed
            config.setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
        }
        return writer;
    }

    /** The user data of the latest commit. */
    synchronized Map<String, String> lastCommitData() throws IOException {
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    /** What closed the writer for good (a failed merge, an out-of-memory error), or null. */
    synchronized Throwable tragedy() {
        return writer == null ? null : writer.getTragicException();
    }

    /** Discards what the writer did since its last commit, and closes it (the next update opens a new one). */
    synchronized void rollback() {
        if (writer != null) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                LOG.debug("rolling back the index writer: {}", e.toString());
            }
            writer = null;
        }
    }

    /**
     * Deletes every index file of the folder (a damaged or foreign index: rebuilt, never trusted). Other files are
     * left alone, whatever the folder holds.
     */
    synchronized void wipe() throws IOException {
        rollback();
        if (searchers != null) {
            searchers.close();
            searchers = null;
        }
        verified.clear();
        for (String file : directory.listAll()) {
            if (LUCENE_FILE.matcher(file).matches()) {
                directory.deleteFile(file);
            }
        }
        LOG.info("Deleted the index in {}", path);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (writer != null && writer.isOpen()) {
                writer.close();
            }
            if (searchers != null) {
                searchers.close();
            }
        } finally {
            writer = null;
            searchers = null;
            directory.close();
        }
    }

    /** Verifies the checksums of every segment a reader opens for the first time. */
    private final class VerifyingFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            for (LeafReaderContext leaf : reader.leaves()) {
                String name = leaf.reader() instanceof SegmentReader segment
                        ? segment.getSegmentName() + "/" + segment.getSegmentInfo().getDelGen() : null;
                if (name == null || !verified.contains(name)) {
                    leaf.reader().checkIntegrity();
                    if (name != null) {
                        verified.add(name);
                    }
                }
            }
            return new IndexSearcher(reader);
        }
    }
}
