package org.lmssync.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes one LMS's UDM tree: one file per folder, named by the export's stamp, written under a
 * temporary name and moved into place when complete, so a loader running meanwhile never reads a
 * half-written snapshot. A folder with no rows gets a 1-byte {@code \n} file, which the loader
 * ignores (a header-only file would be recorded as processed with 0 rows). UTF-8 without BOM, LF.
 */
final class UdmTreeWriter implements AutoCloseable {
    /** Folder keys become path segments: digits, letters and a few separators only. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._#@:-]{0,200}");

    private final Path root;
    private final String fileName;
    private final String runDate;
    private Path folder;
    private BufferedWriter out;
    private Path partial;
    private String header;
    private int rowsInFile;
    private int files;

    /**
     * @param root    the LMS's root, e.g. {@code DIR/canvas}
     * @param stamp   the file name without {@code .csv}, {@code YYYY-MM-DD-HH-MM-SS}
     * @param runDate {@code YYYY-MM-DD}, the {@code date=} folder of system activities
     */
    UdmTreeWriter(Path root, String stamp, String runDate) {
        this.root = root;
        this.fileName = stamp + ".csv";
        this.runDate = runDate;
    }

    /** The folder of one entity and scope; {@code section}/{@code assignment} as the entity's scope needs. */
    Path folderOf(UdmEntity e, String section, String assignment) {
        return switch (e.scope()) {
            case ROOT -> root.resolve(e.folder());
            case DATE -> root.resolve(e.folder()).resolve("date=" + runDate);
            case SECTION -> root.resolve("section=" + safe(section)).resolve(e.folder());
            case ASSIGNMENT -> root.resolve("section=" + safe(section)).resolve("assignment=" + safe(assignment))
                    .resolve(e.folder());
        };
    }

    static boolean isSafe(String key) {
        return key != null && SAFE.matcher(key).matches();
    }

    private static String safe(String key) {
        if (!isSafe(key)) {
            throw new IllegalArgumentException("not usable as a folder name: '" + key + "'");
        }
        return key;
    }

    /** Starts the file of a folder; the previous folder's file is finished first. */
    void open(UdmEntity e, String section, String assignment) throws IOException {
        Path next = folderOf(e, section, assignment);
        if (next.equals(folder)) {
            return;
        }
        finish();
        folder = next;
        Files.createDirectories(folder);
        partial = folder.resolve(fileName + ".partial");
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
        rowsInFile = 0;
        header = CsvLine.of(e.header());
    }

    void row(List<String> values) throws IOException {
        if (rowsInFile == 0) {
            out.write(header);
        }
        out.write(CsvLine.of(values));
        rowsInFile++;
    }

    /** Ends the current file: a 1-byte {@code \n} when it got no rows; then moves it into place. */
    void finish() throws IOException {
        if (out == null) {
            return;
        }
        if (rowsInFile == 0) {
            out.write('\n');
        }
        out.close();
        out = null;
        Path target = folder.resolve(fileName);
        if (Files.exists(target)) {
            Files.deleteIfExists(partial);
            throw new FileAlreadyExistsException(target.toString(), null, "two exports with one file name");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        files++;
        folder = null;
    }

    int files() {
        return files;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    /** Drops the file in progress (after a failure), leaving the completed ones. */
    void abandon() {
        try {
            if (out != null) {
                out.close();
            }
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException ignored) {
            // best effort on the way out
        }
        out = null;
        folder = null;
    }
}
