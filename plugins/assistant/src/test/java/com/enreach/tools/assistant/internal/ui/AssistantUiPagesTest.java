package com.enreach.tools.assistant.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** The three assistant pages: the contract's routes, titles and section, and modules this bundle really serves. */
class AssistantUiPagesTest {
    private static final List<UiExtension> PAGES = AssistantUiModules.PAGES;
    private static final List<String> MODULES = List.of("common.js", "sse.js", "markdown.js", "ask.js", "resolve.js", "kb-health.js");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("from\\s+'\\./([a-z-]+\\.js)'");
    private static final Pattern ABSOLUTE_IMPORT = Pattern.compile("from\\s+'(/[^']+)'");

    @Test
    void pagesAreTheContractsRoutesInTheAssistantSection() {
        assertEquals(List.of("assistant", "assistant-resolve", "kb-health"), PAGES.stream().map(UiExtension::id).toList());
        assertEquals(List.of("Ask", "Resolve an issue", "Knowledge health"), PAGES.stream().map(UiExtension::title).toList());
        for (UiExtension p : PAGES) {
            assertEquals("Assistant", p.section());
            assertEquals(Role.VIEWER, p.requiredRole(), p.id() + ": every assistant route is for viewers");
            assertTrue(p.moduleUrl().startsWith("/ui/ext/assistant/"), p.moduleUrl());
        }
        assertTrue(PAGES.get(0).order() < PAGES.get(1).order() && PAGES.get(1).order() < PAGES.get(2).order());
    }

    /** The whiteboard serves /ui/ext/assistant/* from ui-ext/assistant: each page module and all it imports is in the bundle. */
    @Test
    void everyModuleAndWhatItImportsIsInTheBundle() throws IOException {
        assertEquals("/ui/ext/assistant/", AssistantUiModules.PATH);
        for (UiExtension p : PAGES) {
            String js = resource(p.moduleUrl().substring(AssistantUiModules.PATH.length()));
            assertTrue(js.contains("export async function render(element, context)"), p.moduleUrl() + " exports render(element, context)");
        }
        for (String f : MODULES) {
            String js = resource(f);
            Matcher m = RELATIVE_IMPORT.matcher(js);
            while (m.find()) {
                assertNotNull(resource(m.group(1)), f + " imports " + m.group(1));
            }
            Matcher a = ABSOLUTE_IMPORT.matcher(js);
            while (a.find()) {
                // the only module taken from elsewhere is the UI's own element builder, served by platform/ui
                assertEquals("/ui/js/dom.js", a.group(1), f);
            }
        }
        assertTrue(resource("common.js").contains("'/ui/ext/assistant/'"));
        assertNotNull(resource("assistant.css"));
    }

    /** Answers, quotes and ticket text are untrusted: the modules build elements and text nodes, never markup. */
    @Test
    void modulesNeverWriteMarkupNorEval() throws IOException {
        for (String f : MODULES) {
            String js = resource(f);
            for (String bad : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser")) {
                assertFalse(js.contains(bad), f + " uses " + bad);
            }
        }
    }

    /** The page's CSP forbids inline styles: the modules style only through classes of assistant.css. */
    @Test
    void noInlineStyles() throws IOException {
        for (String f : MODULES) {
            String js = resource(f);
            assertFalse(js.contains("style:") || js.contains("'style'") || js.contains(".style."), f + " sets an inline style");
        }
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = AssistantUiPagesTest.class.getClassLoader().getResourceAsStream("ui-ext/assistant/" + file)) {
            assertNotNull(in, "ui-ext/assistant/" + file + " is in the bundle");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
