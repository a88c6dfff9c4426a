package dev.flowstage.api;

import java.util.Objects;

/**
 * The protocol's {@code flow_info}: what the UI shows around every challenge of a flow.
 *
 * @param title the flow's title, possibly empty, never null
 * @param background a background image URL, or null when the flow has none
 * @param cancelUrl where the UI's cancel link points, never null
 * @param layout the layout's wire name such as {@code stacked}, never null
 */
public record FlowInfo(String title, String background, String cancelUrl, String layout) {
    /** Validates the non-null parts. */
    public FlowInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(layout, "layout");
    }
}
