package org.mtlworkbench.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of one UTF-8 CSV file (RFC 4180 quoting, any of CRLF / LF / CR) one at a time, never holding
 * the text in memory, and knows the first physical line of each record. A UTF-8 byte-order mark is skipped; blank
 * lines are skipped; bytes that are not UTF-8 (and the replacement character U+FFFD) are an error at their field.
 * Errors become {@link DataImportException}s carrying the offending line's raw text.
 */
final class CsvRecordStream implements Closeable {

    private static final int MAX_LINE_TEXT = 1000;

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long endOfPrevious;
    private long line;

    /** Opens {@code file}; every byte read is also fed to {@code digest} when it is not null. */
    CsvRecordStream(Path file, MessageDigest digest) throws DataImportException {
        this.file = file;
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (digest != null) {
                in = new DigestInputStream(in, digest);
            }
            in = new BufferedInputStream(in, 1 << 16);
            skipBom(in);
            // bad bytes become U+FFFD and are reported by next() at their cell: a decoder that throws would do so
            // a buffer ahead, at the wrong line
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            // blank lines come through as records so that line numbers can be counted from record ends
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
            this.parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(format).get();
            this.records = parser.iterator();
        } catch (IOException e) {
            closeQuietly(in);
            throw DataImportException.whole(file, "cannot read the file: " + e.getMessage());
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)) {
            in.reset();
        }
    }

    Path file() {
        return file;
    }

    /** The next non-blank record, or null at the end of the file. */
    CSVRecord next() throws DataImportException {
        while (true) {
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(e);
            }
            // commons-csv counts line breaks consumed so far: a record starts on the line after the previous one ended
            line = endOfPrevious + 1;
            endOfPrevious = parser.getCurrentLineNumber();
            if (r.size() == 0 || (r.size() == 1 && r.get(0).isBlank())) {
                continue;
            }
            for (int c = 0; c < r.size(); c++) {
                if (r.get(c).indexOf('\uFFFD') >= 0) {
                    throw error(line, c + 1, null, "this field is not valid UTF-8 text; save the file as UTF-8");
                }
            }
            return r;
        }
    }

    private DataImportException unreadable(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return error(endOfPrevious + 1, 0, null, "this line cannot be read as CSV (" + cause.getMessage()
                + "); check for an unclosed quote");
    }

    /** 1-based physical line on which the last record returned by {@link #next()} starts. */
    long line() {
        return line;
    }

    /** An error located in this file, with the raw text of {@code atLine} re-read from the file. */
    DataImportException error(long atLine, int column, String columnName, String problem) {
        return new DataImportException(file, atLine, column, columnName, problem, rawLine(file, atLine));
    }

    /** The raw text of a 1-based physical line (BOM removed, cut at 1000 characters), or null. */
    static String rawLine(Path file, long lineNumber) {
        if (lineNumber < 1) {
            return null;
        }
        // lenient decoding here: this only quotes the line, the import has failed already
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            String text = null;
            for (long i = 1; i <= lineNumber; i++) {
                text = r.readLine();
                if (text == null) {
                    return null;
                }
            }
            if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return text.length() > MAX_LINE_TEXT ? text.substring(0, MAX_LINE_TEXT) + "…" : text;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only stream: nothing to lose
        }
    }
}
