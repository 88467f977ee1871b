package dev.outdial.engine.ivr;

/** What a key does (SPEC §2): go to a node, connect an agent of the campaign, mark the result, opt out, hang up. */
public enum IvrAction {
    GOTO,
    CONNECT_AGENT,
    SET_RESULT,
    OPT_OUT,
    HANGUP
}
