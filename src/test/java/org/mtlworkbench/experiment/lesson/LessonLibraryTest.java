package org.mtlworkbench.experiment.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.experiment.ExperimentFormatException;

/** A lesson is a JSON file: one dropped into a folder is read without code; a bad one is refused with its place. */
class LessonLibraryTest {

    @TempDir
    Path tmp;

    private static final String STEP = "{\"title\": \"t\", \"text\": \"x\", \"setup\": "
            + "{\"data\": {\"sample\": \"clustered\"}, \"model\": {\"id\": \"pooled\"}}";

    @Test
    void aLessonDroppedIntoAFolderIsRead() throws Exception {
        Files.writeString(tmp.resolve("mine.json"), "{\"id\": \"mine\", \"title\": \"7. Mine\", \"steps\": [" + STEP
                + ", \"claim\": {\"kind\": \"metric-gain\", \"statement\": \"s\", \"view\": \"rmse\", \"threshold\": 0,"
                + " \"reference\": {\"id\": \"independent\"}}}]}");
        Files.writeString(tmp.resolve("notes.txt"), "not a lesson");
        assertThat(LessonLibrary.fromFolder(tmp)).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("mine");
            assertThat(l.step(0).claim().reference().id()).isEqualTo("independent");
        });
    }

    @Test
    void aBadClaimKindIsNamedWithLineAndColumn() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "{\"id\": \"bad\", \"title\": \"B\",\n \"steps\": [" + STEP
                + ",\n   \"claim\": {\"kind\": \"looks-good\", \"statement\": \"s\", \"threshold\": 1}}]}");
        assertThatThrownBy(() -> LessonLibrary.fromFolder(tmp)).isInstanceOf(ExperimentFormatException.class)
                .hasMessageContaining("bad.json, line 3, column 22")
                .hasMessageContaining("unknown claim kind \"looks-good\"")
                .hasMessageContaining("$.steps[0].claim.kind");
    }

    @Test
    void aFirstStepWithoutASetUpIsRefused() throws Exception {
        Files.writeString(tmp.resolve("nosetup.json"), "{\"id\": \"n\", \"title\": \"N\", \"steps\": "
                + "[{\"title\": \"t\", \"text\": \"x\"}]}");
        assertThatThrownBy(() -> LessonLibrary.fromFolder(tmp)).hasMessageContaining("first step must have");
    }
}
