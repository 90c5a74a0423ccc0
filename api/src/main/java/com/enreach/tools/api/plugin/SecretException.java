package com.enreach.tools.api.plugin;

/**
 * An encrypted configuration value ({@code ENC(...)}) that cannot be decrypted, or a key file that cannot be used.
 * The message names the key file and what to do; it never holds the value, the plain secret or key material.
 *
 * @since 1.1
 */
public final class SecretException extends Exception {
    private static final long serialVersionUID = 1L;

    /** No key file where {@link SecretKeyFile#locate} points. */
    public static final String MISSING_KEY = "missing_key";
    /** The key file exists but is not a key file (unreadable, wrong length, not base64). */
    public static final String BAD_KEY_FILE = "bad_key_file";
    /** The key file may be read by other users (group or others have a permission on it): refused. */
    public static final String KEY_FILE_PERMISSIONS = "key_file_permissions";
    /** The value was encrypted with another key. */
    public static final String WRONG_KEY = "wrong_key";
    /** The value is not a well-formed {@code ENC(...)} value, or was altered. */
    public static final String BAD_CIPHERTEXT = "bad_ciphertext";

    private final String code;

    public SecretException(String code, String message) {
        super(message);
        this.code = java.util.Objects.requireNonNull(code, "code is null");
    }

    /** One of the codes above: the {@link FieldError#code()} a configuration reader reports. */
    public String code() {
        return code;
    }
}
