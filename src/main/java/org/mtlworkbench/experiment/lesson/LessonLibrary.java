package org.mtlworkbench.experiment.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mtlworkbench.experiment.ExperimentFormatException;
import org.mtlworkbench.experiment.setup.StrictJson;

/**
 * The lessons: JSON files listed in the resource {@code lessons/index.txt} (one file name a line, in menu order),
 * then every {@code *.json} in an extra folder (the {@code mtlwb.lessons} property, else
 * {@code <mtlwb.home>/lessons}), so a lecturer adds a lesson by dropping a file there. A lesson with the id of an
 * earlier one replaces it.
 */
public final class LessonLibrary {

    private final Map<String, Lesson> lessons;

    private LessonLibrary(Map<String, Lesson> lessons) {
        this.lessons = lessons;
    }

    public static LessonLibrary load() throws IOException, ExperimentFormatException {
        Map<String, Lesson> out = new LinkedHashMap<>();
        for (Lesson l : bundled()) {
            out.put(l.id(), l);
        }
        Optional<Path> extra = extraFolder();
        if (extra.isPresent()) {
            for (Lesson l : fromFolder(extra.get())) {
                out.put(l.id(), l);
            }
        }
        return new LessonLibrary(out);
    }

    public List<Lesson> all() {
        return List.copyOf(lessons.values());
    }

    public Optional<Lesson> get(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    /** The lessons shipped in the program's resources. */
    public static List<Lesson> bundled() throws IOException, ExperimentFormatException {
        List<Lesson> out = new ArrayList<>();
        for (String name : resourceLines("lessons/index.txt")) {
            try (InputStream in = resource("lessons/" + name)) {
                out.add(StrictJson.read(in.readAllBytes(), Path.of("lessons", name), Lesson.class));
            }
        }
        return out;
    }

    /** Every {@code *.json} lesson in {@code folder}, sorted by file name. */
    public static List<Lesson> fromFolder(Path folder) throws IOException, ExperimentFormatException {
        List<Lesson> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(StrictJson.read(Files.readAllBytes(f), f, Lesson.class));
            }
        }
        return out;
    }

    private static Optional<Path> extraFolder() {
        String explicit = System.getProperty("mtlwb.lessons");
        String home = System.getProperty("mtlwb.home");
        Path p = explicit != null ? Path.of(explicit) : home != null ? Path.of(home, "lessons") : null;
        return p != null && Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the program");
        }
        return in;
    }
}
