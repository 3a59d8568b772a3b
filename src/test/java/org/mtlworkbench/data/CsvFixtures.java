package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Helpers for import tests: write small files, check located errors. */
final class CsvFixtures {

    private CsvFixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Runs {@code call}, expects a DataImportException at exactly this file, line and column, and returns it. */
    static DataImportException expectError(ThrowingCallable call, Path file, long line, int column) {
        DataImportException e = catchThrowableOfType(DataImportException.class, call);
        assertThat(e).as("expected a DataImportException").isNotNull();
        assertThat(e.file()).as("file of: " + e.getMessage()).isEqualTo(file);
        assertThat(e.line()).as("line of: " + e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: " + e.getMessage()).isEqualTo(column);
        // the message carries the location too, for people reading it
        assertThat(e.getMessage()).startsWith(file.toString());
        if (line > 0) {
            assertThat(e.getMessage()).contains("line " + line);
        }
        if (column > 0) {
            assertThat(e.getMessage()).contains("column " + column);
        }
        return e;
    }

    static ImportOptions defaults() {
        return ImportOptions.defaults();
    }
}
