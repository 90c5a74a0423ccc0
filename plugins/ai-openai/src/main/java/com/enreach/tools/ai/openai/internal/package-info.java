/** The openai provider plugin (internal: nothing exported). */
package com.enreach.tools.ai.openai.internal;
