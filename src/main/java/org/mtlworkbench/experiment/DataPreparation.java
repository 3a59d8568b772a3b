package org.mtlworkbench.experiment;

import java.nio.file.Path;
import org.mtlworkbench.data.CsvImporter;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.ImportOptions;
import org.mtlworkbench.data.ImportedData;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.Splitter;
import org.mtlworkbench.train.DataInfo;

/**
 * Import → task features → split → standardise → provenance: the one path from files to a trainable split that the
 * CLI and the GUI share.
 */
public final class DataPreparation {

    /** Training fraction of the default split when the data has no split column. */
    public static final double DEFAULT_TRAIN_FRACTION = 0.5;

    private DataPreparation() {
    }

    /** Reads and splits in one go. */
    public static PreparedData prepare(DataRequest request) throws DataImportException {
        return split(load(request), request);
    }

    /** Reads the data (and task features); nothing is kept when it fails. */
    public static ImportedData load(DataRequest request) throws DataImportException {
        ImportOptions opts = ImportOptions.defaults().withTargetType(request.targetType());
        ImportedData data = CsvImporter.load(request.data(), opts);
        if (request.tasksFile() != null) {
            data = CsvImporter.attachTaskFeatures(data, request.tasksFile());
        }
        return data;
    }

    /** Splits already-read data by the request's rule (for repeated seeds without re-reading the file). */
    public static PreparedData split(ImportedData data, DataRequest request) throws DataImportException {
        SplitSpec spec = effectiveSplit(data, request);
        DataSplit split = spec.kind() == SplitSpec.Kind.FILE
                ? Splitter.apply(absolute(spec), data) : Splitter.apply(spec, data);
        DataInfo info = new DataInfo(name(request.data()), request.data().toAbsolutePath().toString(),
                data.sha256(), split.description());
        return new PreparedData(data.dataset(), split, info, data.autoDetected());
    }

    /** The request's split rule, or the default: the data's split column when present, else a seeded half. */
    public static SplitSpec effectiveSplit(ImportedData data, DataRequest request) {
        if (request.split() != null) {
            return request.split();
        }
        return data.splitColumn().isPresent() ? SplitSpec.column("split")
                : SplitSpec.fraction(DEFAULT_TRAIN_FRACTION, request.seed());
    }

    private static SplitSpec absolute(SplitSpec spec) {
        return new SplitSpec(spec.kind(), spec.fraction(), spec.count(),
                Path.of(spec.file()).toAbsolutePath().toString(), spec.column(), spec.seed());
    }

    private static String name(Path p) {
        String n = p.toAbsolutePath().normalize().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
