/** A test double of the openai API: a standalone localhost HTTP server speaking its published wire format. */
package com.enreach.tools.aidouble.openai;
