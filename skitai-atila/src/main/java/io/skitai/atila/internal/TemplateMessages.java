package io.skitai.atila.internal;

import io.pebbletemplates.pebble.error.PebbleException;

/** The messages of template failures, in one place; each names the template and its folder. */
final class TemplateMessages {

    private TemplateMessages() {}

    static String notFound(String name, TemplateFolder folder) {
        return "template \"" + name + "\" not found in " + folder
                + "; put it there or point the app elsewhere with Atila.templates(..)";
    }

    static String failed(String name, TemplateFolder folder, PebbleException e) {
        String file = e.getFileName() != null ? e.getFileName() : name;
        String line = e.getLineNumber() != null ? " line " + e.getLineNumber() : "";
        return "template \"" + file + "\"" + line + " (" + folder + ", rendering \"" + name + "\"): " + e.getPebbleMessage();
    }

    static String writeFailed(String name, TemplateFolder folder) {
        return "template \"" + name + "\" (" + folder + ") could not be written";
    }
}
