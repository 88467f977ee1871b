package dev.outdial.contact;

/** How a filter's conditions combine: every one (AND) or any one (OR). */
public enum FilterMatch {
    ALL,
    ANY
}
