package org.mtlworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.data.CsvImporter;

/** The run's data provenance uses the importer's hash, so CLI, GUI and ofPath agree. */
class DataInfoTest {

    @TempDir
    Path dir;

    @Test
    void fileHashIsTheStandardSha256() throws Exception {
        Path f = Files.writeString(dir.resolve("abc.csv"), "abc");
        // FIPS 180-2 test vector for "abc"
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(CsvImporter.sha256(f)).isEqualTo(abc);
        DataInfo info = DataInfo.ofPath("abc", f, "all rows");
        assertThat(info.sha256()).isEqualTo(abc);
        assertThat(info.path()).isEqualTo(f.toString());
    }

    @Test
    void folderHashDependsOnNamesAndContentsNotOnCreationOrder() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Files.writeString(a.resolve("t1.csv"), "x\n1\n");
        Files.writeString(a.resolve("t2.csv"), "x\n2\n");
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(b.resolve("t2.csv"), "x\n2\n");
        Files.writeString(b.resolve("t1.csv"), "x\n1\n");
        assertThat(CsvImporter.sha256(a)).isEqualTo(CsvImporter.sha256(b));
        assertThat(DataInfo.ofPath("a", a, "all rows").sha256()).isEqualTo(CsvImporter.sha256(a));
        Files.writeString(b.resolve("t2.csv"), "x\n3\n");
        assertThat(CsvImporter.sha256(a)).isNotEqualTo(CsvImporter.sha256(b));
        Files.move(b.resolve("t2.csv"), b.resolve("t3.csv"));
        Files.writeString(b.resolve("t3.csv"), "x\n2\n");
        assertThat(CsvImporter.sha256(a)).as("a renamed task is different data").isNotEqualTo(CsvImporter.sha256(b));
    }
}
