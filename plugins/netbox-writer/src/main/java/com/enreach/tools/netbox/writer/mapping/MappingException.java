package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.plugin.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** The mapping file cannot be used: every problem with its JSON path. Nothing is previewed with a broken file. */
public class MappingException extends RuntimeException {
    private final String file;
    private final List<FieldError> errors;

    public MappingException(String file, List<FieldError> errors) {
        super("invalid NetBox mapping file " + file + ": " + errors.stream()
                .map(e -> (e.field() == null ? "" : e.field() + ": ") + e.message())
                .collect(Collectors.joining("; ")));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public String file() {
        return file;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
