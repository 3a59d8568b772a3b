package org.mtlworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the bundled sample data sets next to the program. */
public final class SampleGallery {

    private SampleGallery() {
    }

    /**
     * The sample-data folder: the {@code mtlwb.samples} property, else {@code <mtlwb.home>/sample-data}, else
     * {@code ./sample-data}.
     */
    public static Path defaultFolder() {
        String explicit = System.getProperty("mtlwb.samples");
        if (explicit != null) {
            return Paths.get(explicit);
        }
        String home = System.getProperty("mtlwb.home");
        return home != null ? Paths.get(home, "sample-data") : Paths.get("sample-data");
    }

    /** Every sub-folder that holds {@code <name>/<name>.csv}, sorted by name; empty when the folder is missing. */
    public static List<SampleDataSet> list(Path folder) {
        List<SampleDataSet> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                Path csv = dir.resolve(id + ".csv");
                if (!Files.isRegularFile(csv)) {
                    continue;
                }
                Path tasks = dir.resolve(id + "_tasks.csv");
                String[] titleAndText = readme(dir.resolve("README.md"), id);
                out.add(new SampleDataSet(id, titleAndText[0], titleAndText[1], csv,
                        Files.isRegularFile(tasks) ? tasks : null));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The README's first heading (title) and first paragraph (description). */
    static String[] readme(Path file, String fallbackTitle) {
        String title = fallbackTitle;
        StringBuilder para = new StringBuilder();
        if (!Files.isRegularFile(file)) {
            return new String[] {title, ""};
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.startsWith("#")) {
                    if (para.length() > 0) {
                        break;
                    }
                    if (title.equals(fallbackTitle)) {
                        title = t.replaceFirst("^#+\\s*", "");
                    }
                    continue;
                }
                if (t.isEmpty()) {
                    if (para.length() > 0) {
                        break;
                    }
                    continue;
                }
                if (para.length() > 0) {
                    para.append(' ');
                }
                para.append(t);
            }
        } catch (IOException e) {
            return new String[] {title, ""};
        }
        return new String[] {title, para.toString()};
    }
}
