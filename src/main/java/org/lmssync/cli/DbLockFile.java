package org.lmssync.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The CLI's cross-process writer lock: a lock file beside the SQLite DB, so that two processes
 * never interleave their pages in one DB. Taken before the DB is opened and held until closed;
 * it fails fast rather than waiting on SQLite's own lock. (An embedding host owns its DB and its
 * processes; the engine never creates files of its own.)
 */
final class DbLockFile implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DbLockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The DB is being synced by another process. */
    static final class Busy extends IOException {
        Busy(String message) {
            super(message);
        }
    }

    static DbLockFile take(Path db) throws Busy {
        Path lockFile = Path.of(db.toString() + ".lock");
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Path parent = lockFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new Busy("another lms-sync process is syncing " + db
                    + " (lock " + lockFile + " is held); try again when it has finished");
        }
        return new DbLockFile(channel, lock);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel
        }
        closeQuietly(channel);
    }
}
