package com.enreach.tools.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One platform per home: while it runs, the platform holds an exclusive lock on {@code data/enreach.lock}, which
 * names its process. Commands that must not touch a live database ({@code restore}, {@code db migrate}) ask
 * {@link #holder} first; a second platform on the same home is refused at start. The lock is the operating system's:
 * it goes away with the process, also after a kill -9, so a stale file never blocks anything.
 */
public final class HomeLock implements AutoCloseable {
    static final String FILE = "enreach.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a home (in {@code data/}, which a deployment shares across releases). */
    public static Path file(Path home) {
        return home.resolve("data").resolve(FILE);
    }

    /**
     * Takes the home's lock for this process.
     *
     * @throws IllegalStateException when another process (or this one) already holds it, naming the holder
     */
    public static HomeLock acquire(Path home) throws IOException {
        Path f = file(home);
        Files.createDirectories(f.getParent());
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String who = read(ch);
            ch.close();
            throw new IllegalStateException("Enreach Tools is already running in " + home + (who.isEmpty() ? "" : " (" + who + ")"));
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new HomeLock(ch, l);
    }

    /** Who holds the home's lock ("pid 1234"), or empty when no platform runs there. */
    public static Optional<String> holder(Path home) throws IOException {
        Path f = file(home);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.of("this process");
            }
            if (l == null) {
                String who = read(ch);
                return Optional.of(who.isEmpty() ? "another process" : who);
            }
            l.release();
            return Optional.empty();
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
