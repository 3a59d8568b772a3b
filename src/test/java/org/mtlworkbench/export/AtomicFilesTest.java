package org.mtlworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void replacesTheContent() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aWriteFailingHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "the old content");
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half of the new ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(filesIn(dir)).isEqualTo(1);

        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IllegalStateException("serializer bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailedMoveLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("busy");
        Files.createDirectories(target.resolve("inside")); // a non-empty folder cannot be replaced by a file
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x")).isInstanceOf(IOException.class);
        assertThat(target.resolve("inside")).isDirectory();
        assertThat(filesIn(dir)).isEqualTo(1);
    }
}
