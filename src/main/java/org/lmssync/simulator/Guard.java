package org.lmssync.simulator;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** The lock around a simulated district: listings read it together, a change set writes it alone. */
public final class Guard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
