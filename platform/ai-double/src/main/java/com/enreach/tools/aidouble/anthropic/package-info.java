/** A test double of the anthropic API: a standalone localhost HTTP server speaking its published wire format. */
package com.enreach.tools.aidouble.anthropic;
