package com.enreach.tools.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The platform's temporary files live in {@code <home>/data/tmp}, not in the machine's {@code /tmp}: FileInstall's
 * work directories, Jetty's, the native libraries that sqlite-jdbc and onnxruntime unpack (about 17 MB per start) and
 * the model file the embedding plugin hands to onnxruntime. {@code bin/enreach start|demo} points
 * {@code java.io.tmpdir} there (the JDK reads it once, at startup, so it cannot be set from here). A JVM that is killed
 * leaves its files behind; in the home they are private to the service user (the home is mode 700) and are emptied at
 * the next start, which the home lock makes safe (no other platform can be using them). DJL's tokenizer library is
 * cached, not temporary: {@code data/cache/djl} unless {@code DJL_CACHE_DIR} says otherwise (by default DJL writes to
 * the service user's home directory, which a system account may not have).
 */
final class HomeTemp {
    private HomeTemp() {
    }

    /**
     * Empties and (re)creates {@code <home>/data/tmp} and returns it. Call with the home lock held, before the platform
     * has written a temporary file.
     */
    static Path prepare(Path home) throws IOException {
        Path tmp = home.resolve("data").resolve("tmp");
        if (Files.isDirectory(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            empty(tmp);
        }
        Files.createDirectories(tmp);
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            Path djl = home.resolve("data").resolve("cache").resolve("djl");
            Files.createDirectories(djl);
            System.setProperty("DJL_CACHE_DIR", djl.toString());
        }
        return tmp;
    }

    /** Deletes what is below {@code dir} (not following links), keeping {@code dir}. */
    private static void empty(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
