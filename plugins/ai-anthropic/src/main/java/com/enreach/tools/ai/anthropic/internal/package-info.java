/** The anthropic provider plugin (internal: nothing exported). */
package com.enreach.tools.ai.anthropic.internal;
