package org.mtlworkbench.train;

import java.nio.file.Path;
import org.mtlworkbench.data.CsvImporter;
import org.mtlworkbench.data.DataImportException;

/**
 * Provenance of the data a run trained on.
 *
 * @param name             the data set's name
 * @param path             where it was read from (file or folder), or null for generated data
 * @param sha256           hex SHA-256 of the file (or of the folder's CSV files, as {@link CsvImporter#sha256} computes it for every import), or null
 * @param splitDescription how train and test rows were chosen, e.g. "16 training rows per task, seed 1"
 */
public record DataInfo(String name, String path, String sha256, String splitDescription) {

    /** Describes data read from {@code path}, hashing it the same way the importer does. */
    public static DataInfo ofPath(String name, Path path, String splitDescription) throws DataImportException {
        return new DataInfo(name, path.toString(), CsvImporter.sha256(path), splitDescription);
    }

    /** Describes data that has no file (generated in memory). */
    public static DataInfo generated(String name, String splitDescription) {
        return new DataInfo(name, null, null, splitDescription);
    }
}
