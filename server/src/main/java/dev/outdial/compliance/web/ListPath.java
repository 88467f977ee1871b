package dev.outdial.compliance.web;

import dev.outdial.compliance.BlockKind;

/** The list a URL names: {@code blacklist} or {@code dnc}, in the API and in the pages alike. */
final class ListPath {

    static final String PATTERN = "{list:blacklist|dnc}";

    private ListPath() {
    }

    static BlockKind kind(String list) {
        return "dnc".equals(list) ? BlockKind.DNC : BlockKind.BLACKLIST;
    }
}
