package com.enreach.tools.api;

import java.util.List;

/** One page of a listing: {@code count} is the total matching, {@code results} this page. */
public record Page<T>(long count, int limit, int offset, List<T> results) {
}
