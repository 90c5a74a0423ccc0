package com.enreach.tools.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Versioned device configurations (network device running configs). */
@ProviderType
public interface ConfigService {

    /** Versions of a device's configuration, newest first, without text. */
    List<ConfigVersion> versions(long deviceId);

    /** One version with its text. */
    Optional<ConfigVersion> version(long deviceId, int version);

    /**
     * Unified diff from version {@code from} to version {@code to} of one device.
     *
     * @throws ApiException NOT_FOUND when a version does not exist
     */
    String diff(long deviceId, int from, int to);
}
