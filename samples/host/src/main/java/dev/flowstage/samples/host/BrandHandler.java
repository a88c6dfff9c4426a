package dev.flowstage.samples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code GET /api/v3/core/brands/current/}: the request's brand in the shape of authentik's
 * {@code CurrentBrandSerializer} (the fields this host knows), with each flow resolved as the
 * default-flow redirects resolve it.
 */
final class BrandHandler implements HttpHandler {
    static final String PATH = "/api/v3/core/brands/current/";

    private final HostServices host;

    BrandHandler(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            HttpAnswers.detail(exchange, 404, "Not found.");
        } else if (!exchange.getRequestMethod().equals("GET")) {
            Routes.methodNotAllowed(exchange, "GET");
        } else {
            HttpAnswers.json(exchange, 200, HttpAnswers.toJson(describe(host.brand(exchange))));
        }
    }

    private Map<String, Object> describe(Brand brand) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", brand.domain());
        json.put("default", brand.defaultBrand());
        json.put("branding_title", brand.title());
        json.put("branding_logo", brand.logo());
        json.put("branding_favicon", brand.favicon());
        json.put("ui_footer_links", List.of());
        json.put("flow_authentication", Brands.flow(brand, Brand.Role.AUTHENTICATION, host.engine).orElse(null));
        json.put("flow_invalidation", Brands.flow(brand, Brand.Role.INVALIDATION, host.engine).orElse(null));
        json.put("flow_recovery", Brands.flow(brand, Brand.Role.RECOVERY, host.engine).orElse(null));
        json.put("flow_unenrollment", null);
        json.put("flow_user_settings", Brands.flow(brand, Brand.Role.USER_SETTINGS, host.engine).orElse(null));
        json.put("flow_device_code", null);
        return json;
    }
}
