package com.enreach.tools.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method that returns a {@code Response} answers on success, for the OpenAPI document (the Java
 * return type says it for every other method).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Answers {
    /** The success status. */
    int status();

    /** The entity's type. */
    Class<?> value();
}
