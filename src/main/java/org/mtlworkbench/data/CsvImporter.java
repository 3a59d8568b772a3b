package org.mtlworkbench.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports multi-task data sets from CSV: a tidy file (one row per example, a task column) or a folder of per-task
 * files (the file name is the task name). Streams the text once, keeping only primitive arrays, and either returns
 * a complete, checked data set or throws a {@link DataImportException} naming file, line and column; nothing is
 * cached or half-loaded.
 *
 * <p>Conventions: lines are 1-based physical lines of the file (the header is line 1; a record spanning lines
 * because of a quoted line break is reported at its first line); columns are 1-based fields. Row ids are the
 * 0-based index of the data row in the file, header and blank lines excluded; a folder numbers rows across its
 * files in name order. Task order is the order of first appearance.
 *
 * <p>Target type, when not given: see {@link TargetColumn} — text labels or exactly two distinct numbers mean
 * classification, other numbers regression; numbers and text mixed is an error at the first cell whose kind
 * differs from the first row's.
 */
public final class CsvImporter {

    private CsvImporter() {
    }

    /** Reads a tidy file, or a folder of per-task files when {@code fileOrDir} is a directory. */
    public static ImportedData load(Path fileOrDir, ImportOptions opts) throws DataImportException {
        return Files.isDirectory(fileOrDir) ? loadFolder(fileOrDir, opts) : loadTidy(fileOrDir, opts);
    }

    /** Reads a tidy CSV file: columns task, target, optional split, the rest numeric features (any order). */
    public static ImportedData loadTidy(Path file, ImportOptions opts) throws DataImportException {
        if (!Files.isRegularFile(file)) {
            throw DataImportException.whole(file, "no such file");
        }
        MessageDigest digest = sha256();
        RowStore store;
        try (CsvRecordStream in = new CsvRecordStream(file, digest)) {
            ColumnLayout layout = ColumnLayout.read(in, opts, false);
            store = new RowStore(layout.featureNames(), opts.targetType(),
                    layout.split >= 0 ? opts.splitColumn() : null);
            DataRows.read(in, layout, layout.features, null, store);
        }
        return store.build(baseName(file), HexFormat.of().formatHex(digest.digest()), file);
    }

    /**
     * Reads a folder: every {@code *.csv} file in it (not in sub-folders), sorted by name, is one task named after
     * the file. Every file has the same columns (in any order), a target column, no task column (an error: the
     * file name is the task name), and optionally a split column.
     */
    public static ImportedData loadFolder(Path dir, ImportOptions opts) throws DataImportException {
        List<Path> files = csvFiles(dir);
        MessageDigest digest = sha256();
        RowStore store = null;
        ColumnLayout first = null;
        for (Path f : files) {
            digestHeader(digest, f);
            try (CsvRecordStream in = new CsvRecordStream(f, digest)) {
                ColumnLayout layout = ColumnLayout.read(in, opts, true);
                int[] order;
                if (first == null) {
                    first = layout;
                    order = layout.features;
                    store = new RowStore(layout.featureNames(), opts.targetType(),
                            layout.split >= 0 ? opts.splitColumn() : null);
                } else {
                    order = layout.featuresInOrderOf(first.featureNames(), first,
                            files.get(0).getFileName().toString(), in);
                }
                DataRows.read(in, layout, order, baseName(f), store);
            }
        }
        return store.build(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(),
                HexFormat.of().formatHex(digest.digest()), dir);
    }

    /** {@link #loadTidy}, data set only. */
    public static MultiTaskDataset readTidy(Path file, ImportOptions opts) throws DataImportException {
        return loadTidy(file, opts).dataset();
    }

    /** {@link #loadFolder}, data set only. */
    public static MultiTaskDataset readFolder(Path dir, ImportOptions opts) throws DataImportException {
        return loadFolder(dir, opts).dataset();
    }

    /** {@link #load}, data set only. */
    public static MultiTaskDataset read(Path fileOrDir, ImportOptions opts) throws DataImportException {
        return load(fileOrDir, opts).dataset();
    }

    /**
     * Attaches task features from a CSV with a {@code task} column and numeric columns: every task of the data set
     * on exactly one line (matched by name as written, spaces around it ignored). An unknown or repeated task is an
     * error at its line; a missing task is an error naming it.
     */
    public static MultiTaskDataset attachTaskFeatures(MultiTaskDataset ds, Path tasksCsv) throws DataImportException {
        return TaskFeaturesFile.attach(ds, tasksCsv);
    }

    /** {@link #attachTaskFeatures(MultiTaskDataset, Path)} keeping the rest of the import. */
    public static ImportedData attachTaskFeatures(ImportedData data, Path tasksCsv) throws DataImportException {
        return data.withDataset(TaskFeaturesFile.attach(data.dataset(), tasksCsv));
    }

    /** The SHA-256 of a file, or of a folder's CSV files as described in {@link ImportedData#sha256()}. */
    public static String sha256(Path fileOrDir) throws DataImportException {
        MessageDigest digest = sha256();
        List<Path> files = Files.isDirectory(fileOrDir) ? csvFiles(fileOrDir) : List.of(fileOrDir);
        for (Path f : files) {
            if (Files.isDirectory(fileOrDir)) {
                digestHeader(digest, f);
            }
            try (var in = new java.security.DigestInputStream(Files.newInputStream(f), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw DataImportException.whole(f, "cannot read the file: " + e.getMessage());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> csvFiles(Path dir) throws DataImportException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw DataImportException.whole(dir, "cannot list the folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw DataImportException.whole(dir, "the folder has no .csv files (one file per task expected)");
        }
        return files;
    }

    /** Folder hash framing: the file name and length before the bytes, so that moving bytes between files counts. */
    private static void digestHeader(MessageDigest digest, Path f) throws DataImportException {
        try {
            digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(8).putLong(Files.size(f)).array());
        } catch (IOException e) {
            throw DataImportException.whole(f, "cannot read the file: " + e.getMessage());
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
