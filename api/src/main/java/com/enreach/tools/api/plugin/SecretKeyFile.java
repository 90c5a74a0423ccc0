package com.enreach.tools.api.plugin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets in configuration files, and the {@code ENC(...)} format of an encrypted value.
 *
 * <p>Where the key file is, first match wins: the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, else {@code <home>/keys/secret.key} where home is the system property {@value #HOME_PROPERTY} (set by
 * the launcher), else the working directory. The key lives outside {@code etc/} and {@code data/} on purpose: a copy
 * of those two without the key file cannot decrypt the values.
 *
 * <p>The file is one line of base64: a random 256-bit AES key. {@link #create} writes it with mode 600 (its new parent
 * directory 700); {@link #load} refuses a file that group or others may access (like ssh with a private key). After a
 * {@link #rotate rotation} it holds several lines: the first key encrypts, the following (older) keys only decrypt, so
 * values and backups encrypted before the rotation still open until the old keys are {@link #retire retired}.
 *
 * <p>An encrypted value is {@code ENC(} base64( version 1 | key id (4 bytes) | IV (12 bytes) | AES-GCM ciphertext and
 * 128-bit tag ) {@code )}. The key id is the start of a SHA-256 of the key: a value encrypted with another key is
 * reported as such instead of as altered. Version and key id are authenticated as associated data.
 *
 * @since 1.1 (several keys, {@link #rotate}, {@link #retire}: since 1.2)
 */
public final class SecretKeyFile {
    /** System property naming the key file; wins over {@link #ENV}. */
    public static final String PROPERTY = "enreach.secret.keyfile";
    /** Environment variable naming the key file. */
    public static final String ENV = "ENREACH_SECRET_KEYFILE";
    /** System property with the platform home (the launcher sets it). */
    public static final String HOME_PROPERTY = "enreach.home";
    /** The key file below the home when neither {@link #PROPERTY} nor {@link #ENV} is set. */
    public static final String DEFAULT_RELATIVE = "keys/secret.key";

    private static final String PREFIX = "ENC(";
    private static final String SUFFIX = ")";
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 4;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = 1 + KEY_ID_BYTES;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path path;
    /** The key that encrypts (the file's first). */
    private final SecretKeySpec key;
    private final byte[] keyId;
    /** Every key of the file, the current one first; older ones only decrypt. */
    private final List<SecretKeySpec> keys;
    private final List<byte[]> keyIds;

    private SecretKeyFile(Path path, List<byte[]> keys) {
        this.path = path;
        this.keys = new ArrayList<>(keys.size());
        this.keyIds = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            this.keys.add(new SecretKeySpec(k, "AES"));
            this.keyIds.add(keyId(k));
        }
        this.key = this.keys.get(0);
        this.keyId = this.keyIds.get(0);
    }

    /** Where the key file is for this process: see the class description. */
    public static Path locate() {
        return locate(System::getProperty, System::getenv, null);
    }

    /**
     * Where the key file is.
     *
     * @param systemProperties reads a system property ({@code System::getProperty})
     * @param env              reads an environment variable ({@code System::getenv})
     * @param home             the platform home when known (the CLI's {@code --home}); null: the system property
     *                         {@value #HOME_PROPERTY}, else the working directory
     */
    public static Path locate(Function<String, String> systemProperties, Function<String, String> env, Path home) {
        String explicit = blank(systemProperties.apply(PROPERTY));
        if (explicit == null) {
            explicit = blank(env.apply(ENV));
        }
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path h = home;
        if (h == null) {
            String p = blank(systemProperties.apply(HOME_PROPERTY));
            h = Path.of(p == null ? "" : p);
        }
        return h.resolve(DEFAULT_RELATIVE).toAbsolutePath().normalize();
    }

    /** Whether a configuration value is an encrypted one ({@code ENC(...)}), which is not a secret itself. */
    public static boolean isEncrypted(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return v.startsWith(PREFIX) && v.endsWith(SUFFIX);
    }

    /**
     * Reads the key file.
     *
     * @throws SecretException {@link SecretException#MISSING_KEY} when there is none, {@link SecretException#KEY_FILE_PERMISSIONS}
     *                         when others may access it, {@link SecretException#BAD_KEY_FILE} when it holds no key
     */
    public static SecretKeyFile load(Path path) throws SecretException {
        if (!Files.exists(path)) {
            throw new SecretException(SecretException.MISSING_KEY, "the key file " + path + " does not exist (create it with "
                    + "'enreach secret encrypt', or point " + PROPERTY + " / " + ENV + " at it)");
        }
        if (!Files.isRegularFile(path)) {
            throw new SecretException(SecretException.BAD_KEY_FILE, "the key file " + path + " is not a regular file");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw new SecretException(SecretException.KEY_FILE_PERMISSIONS, "the key file " + path + " may be read by other users (mode "
                            + PosixFilePermissions.toString(perms) + "): refused; run chmod 600 " + path);
                }
            } catch (IOException e) {
                throw new SecretException(SecretException.BAD_KEY_FILE, "cannot read the permissions of the key file " + path + ": " + e.getMessage());
            }
        }
        List<byte[]> keys = new ArrayList<>();
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            for (String line : keyLines(text)) {
                keys.add(Base64.getDecoder().decode(line));
            }
        } catch (NoSuchFileException e) {
            throw new SecretException(SecretException.MISSING_KEY, "the key file " + path + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            wipe(keys);
            throw new SecretException(SecretException.BAD_KEY_FILE, "the key file " + path + " cannot be read as a key (lines of base64 are expected)");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length != KEY_BYTES) {
                wipe(keys);
                throw new SecretException(SecretException.BAD_KEY_FILE, "the key file " + path + " does not hold a 256-bit key"
                        + (i == 0 ? "" : " on its key line " + (i + 1)));
            }
        }
        SecretKeyFile k = new SecretKeyFile(path, keys);
        wipe(keys);
        return k;
    }

    /**
     * Rotation: writes the key file anew with a new random key first (it encrypts from now on) and the file's keys after
     * it (they only decrypt), atomically (a new mode-600 file renamed over the old one), and returns it. Values
     * encrypted before keep decrypting; re-encrypt them with the returned key, then {@link #retire} the old keys.
     */
    public static SecretKeyFile rotate(Path path) throws SecretException, IOException {
        SecretKeyFile old = load(path);
        List<byte[]> keys = new ArrayList<>();
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        keys.add(fresh);
        for (SecretKeySpec k : old.keys) {
            keys.add(k.getEncoded());
        }
        try {
            replace(old.path, keys);
            return new SecretKeyFile(old.path, keys);
        } finally {
            wipe(keys);
        }
    }

    /**
     * Drops the older keys: the file keeps only the current key (written atomically, as {@link #rotate} does). Values
     * and backups still encrypted with an older key can no longer be decrypted afterwards.
     */
    public SecretKeyFile retire() throws IOException {
        List<byte[]> current = new ArrayList<>(List.of(key.getEncoded()));
        try {
            replace(path, current);
            return new SecretKeyFile(path, current);
        } finally {
            wipe(current);
        }
    }

    /** How many keys the file holds: 1, or more after a {@link #rotate} until {@link #retire}. */
    public int keyCount() {
        return keys.size();
    }

    /** Whether {@code value} is an {@code ENC(...)} value encrypted with the current key (not with an older one). */
    public boolean isCurrent(String value) {
        byte[] data = payload(value);
        return data != null && data.length > HEADER && MessageDigest.isEqual(Arrays.copyOfRange(data, 1, HEADER), keyId);
    }

    private static byte[] payload(String value) {
        if (!isEncrypted(value)) {
            return null;
        }
        String v = value.strip();
        try {
            return Base64.getDecoder().decode(v.substring(PREFIX.length(), v.length() - SUFFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes {@code keys} to a new owner-only file beside {@code file}, synced, then renames it over {@code file}. */
    private static void replace(Path file, List<byte[]> keys) throws IOException {
        StringBuilder text = new StringBuilder();
        if (keys.size() > 1) {
            text.append("# Enreach Tools secret keys: the first encrypts; the others are older keys that only decrypt\n")
                .append("# (values and backups from before a rotation). 'enreach secret rotate --retire' drops them.\n");
        }
        for (byte[] k : keys) {
            text.append(Base64.getEncoder().encodeToString(k)).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        Path tmp = posix ? Files.createTempFile(dir, ".secret-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".secret-key-", ".tmp");
        try {
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            Files.write(tmp, text.toString().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void wipe(List<byte[]> keys) {
        for (byte[] k : keys) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /**
     * Creates a key file with a new random key, mode 600, creating its parent directory with mode 700 if missing.
     *
     * @throws FileAlreadyExistsException when there is one already (never overwritten: its values would be lost)
     */
    public static SecretKeyFile create(Path path) throws IOException {
        Path file = path.toAbsolutePath().normalize();
        Path dir = file.getParent();
        boolean posix = Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        try {
            // Created with its final mode: there is no moment at which another user could open it.
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask may have removed a bit, never added one
            } else {
                Files.createFile(file);
            }
            Files.write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            return new SecretKeyFile(file, List.of(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The key file this key was read from or written to. */
    public Path path() {
        return path;
    }

    /** Encrypts a secret: {@code ENC(...)}, a new random IV each time. */
    public String encrypt(String secret) {
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] header = header();
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(header);
            byte[] sealed = c.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(HEADER + IV_BYTES + sealed.length).put(header).put(iv).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array()) + SUFFIX;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts an {@code ENC(...)} value.
     *
     * @throws SecretException {@link SecretException#WRONG_KEY} when it was encrypted with another key,
     *                         {@link SecretException#BAD_CIPHERTEXT} when it is malformed or was altered
     */
    public String decrypt(String value) throws SecretException {
        if (!isEncrypted(value)) {
            throw new SecretException(SecretException.BAD_CIPHERTEXT, "the value is not written as ENC(...)");
        }
        String v = value.strip();
        byte[] data;
        try {
            data = Base64.getDecoder().decode(v.substring(PREFIX.length(), v.length() - SUFFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new SecretException(SecretException.BAD_CIPHERTEXT, "the ENC(...) value is not valid base64 (copy it again from 'enreach secret encrypt')");
        }
        if (data.length < HEADER + IV_BYTES + TAG_BITS / 8 || data[0] != VERSION) {
            throw new SecretException(SecretException.BAD_CIPHERTEXT, data.length > 0 && data[0] != VERSION
                    ? "the ENC(...) value has an unknown format version " + data[0] : "the ENC(...) value is too short to be one");
        }
        SecretKeySpec with = null;
        byte[] id = Arrays.copyOfRange(data, 1, HEADER);
        for (int i = 0; i < keys.size() && with == null; i++) {
            if (MessageDigest.isEqual(id, keyIds.get(i))) {
                with = keys.get(i);
            }
        }
        if (with == null) {
            throw new SecretException(SecretException.WRONG_KEY, keys.size() == 1 ? "the key file " + path + " is not the one this value was encrypted with"
                    : "none of the " + keys.size() + " keys of the key file " + path + " is the one this value was encrypted with");
        }
        try {
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, data, HEADER, IV_BYTES));
            c.updateAAD(data, 0, HEADER);
            byte[] plain = c.doFinal(data, HEADER + IV_BYTES, data.length - HEADER - IV_BYTES);
            try {
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SecretException(SecretException.BAD_CIPHERTEXT, "the ENC(...) value was altered, or encrypted with another key "
                    + "than " + path + " (its integrity check fails)");
        } catch (GeneralSecurityException e) {
            throw new SecretException(SecretException.BAD_CIPHERTEXT, "the ENC(...) value cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SecretKeyFile[" + path + "]";
    }

    private byte[] header() {
        byte[] h = new byte[HEADER];
        h[0] = VERSION;
        System.arraycopy(keyId, 0, h, 1, KEY_ID_BYTES);
        return h;
    }

    private static byte[] keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("enreach secret key id\0".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(key), KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The key lines, the current key first: comments ({@code #}) and blank lines are allowed around them. */
    private static List<String> keyLines(String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                found.add(l);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return found;
    }

    private static Path existingAncestor(Path p) {
        Path a = p;
        while (a != null && !Files.exists(a)) {
            a = a.getParent();
        }
        return a == null ? Path.of("").toAbsolutePath() : a;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
