package com.enreach.tools.aidouble.anthropic;

/** What the double answers one request with: a model {@link Turn} or a {@link Fault}. */
public sealed interface Reply permits Turn, Fault {
}
