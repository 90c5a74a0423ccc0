package com.enreach.tools.api;

import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.plugin.CheckResult;

import org.osgi.annotation.versioning.ProviderType;

/** The source instances the platform knows: configured now, or seen before and absent now. */
@ProviderType
public interface SourceService {

    List<SourceInstance> sources();

    Optional<SourceInstance> source(String instance);

    /** Kinds of deployed plugins with their instance ids, for verbs like {@code enreach vcenter refresh}. */
    List<String> instancesOfKind(String kind);

    /**
     * Checks one instance's configuration and connection.
     *
     * @throws ApiException NOT_FOUND when the instance is not configured or its plugin is absent
     */
    CheckResult check(String instance);
}
