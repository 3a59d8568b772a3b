package org.mtlworkbench.experiment.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtlworkbench.experiment.DataRequest;

/**
 * Where a set-up's data lies on this machine: a bundled sample (by name, in the samples folder), a path, or embedded
 * CSV text written once into a scratch folder.
 *
 * @param csv         the data file or folder
 * @param tasksCsv    task-features file, or null
 * @param groundTruth the sample's {@code ground_truth.json}, or null when there is none
 * @param sample      the sample's name, or null
 */
public record SetupData(Path csv, Path tasksCsv, Path groundTruth, String sample) {

    /** Embedded data larger than this is refused when saving: a set-up is meant to be small. */
    public static final long MAX_EMBEDDED_BYTES = 512 * 1024;

    /** Resolves {@code d} against the samples folder; embedded text is written under {@code scratch}. */
    public static SetupData resolve(Setup.DataChoice d, Path samples, Path scratch) throws IOException {
        if (d.sample() != null) {
            Path dir = samples.resolve(d.sample());
            Path csv = dir.resolve(d.sample() + ".csv");
            if (!Files.isRegularFile(csv)) {
                throw new IOException("the set-up uses the sample \"" + d.sample() + "\", which is not in "
                        + samples.toAbsolutePath());
            }
            Path tasks = dir.resolve(d.sample() + "_tasks.csv");
            Path truth = dir.resolve("ground_truth.json");
            return new SetupData(csv, Files.isRegularFile(tasks) ? tasks : null,
                    Files.isRegularFile(truth) ? truth : null, d.sample());
        }
        if (d.path() != null) {
            Path p = Path.of(d.path());
            if (!Files.exists(p)) {
                throw new IOException("the set-up's data " + p + " does not exist");
            }
            return new SetupData(p, null, null, null);
        }
        Path dir = Files.createDirectories(scratch.resolve(d.name()));
        Path csv = dir.resolve(d.name() + ".csv");
        Files.writeString(csv, d.csv());
        Path tasks = null;
        if (d.tasksCsv() != null) {
            tasks = dir.resolve(d.name() + "_tasks.csv");
            Files.writeString(tasks, d.tasksCsv());
        }
        return new SetupData(csv, tasks, null, null);
    }

    /** The data as embedded text, for a set-up that must travel without the file. */
    public static Setup.DataChoice embed(String name, Path csv, Path tasksCsv) throws IOException {
        long size = Files.size(csv) + (tasksCsv == null ? 0 : Files.size(tasksCsv));
        if (size > MAX_EMBEDDED_BYTES) {
            throw new IOException(csv + " is " + size / 1024 + " KiB; set-ups embed at most "
                    + MAX_EMBEDDED_BYTES / 1024 + " KiB of data (share a path or a sample instead)");
        }
        return Setup.DataChoice.embedded(name.replaceAll("[^A-Za-z0-9_.-]", "_"), Files.readString(csv),
                tasksCsv == null ? null : Files.readString(tasksCsv));
    }

    public DataRequest request(Setup s) {
        return new DataRequest(csv, tasksCsv, null, s.split() == null ? null : s.split().toSpec(), s.seedOr1());
    }
}
