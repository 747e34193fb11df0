package io.ledgernode.node.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The REST route table as data: the method and path template of every route the services declare, read by letting
 * each service declare its routes into a recording {@link HttpRules}. The service answers a request no route takes
 * from it (404, or 405 with the Allow header when the path exists with other methods), and tests hold it against the
 * OpenAPI document.
 */
public final class RouteTable {

    /** One route: {@code path} is the full template, e.g. {@code /v1/accounts/{id}}. */
    public record Route(Method method, String path) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }
    }

    /** A service as registered: under {@code prefix} ("" for none). */
    public record Mount(String prefix, HttpService service) {
        public Mount {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(service, "service");
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The routes the mounted services declare, in declaration order. */
    public static RouteTable of(List<Mount> mounts) {
        List<Route> routes = new ArrayList<>();
        for (Mount mount : mounts) {
            mount.service().routing(new Recorder(mount.prefix(), routes));
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The handler for what no route took (register it last): 405 with Allow when some route has this path with
     * another method, 404 otherwise. The decoded path is matched, as Helidon matches it.
     */
    public Handler unmatched() {
        return (request, response) -> {
            String allowed = routes.stream().filter(route -> matches(route.path(), request.path().path()))
                    .map(route -> route.method().text()).distinct().sorted().collect(Collectors.joining(", "));
            if (allowed.isEmpty()) {
                throw new ApiException(ApiErrorCode.Service.NOT_FOUND, ApiErrors.message(ApiErrorCode.Service.NOT_FOUND));
            }
            response.header(HeaderNames.ALLOW, allowed);
            throw new ApiException(ApiErrorCode.Service.METHOD_NOT_ALLOWED, ApiErrors.message(ApiErrorCode.Service.METHOD_NOT_ALLOWED));
        };
    }

    /** Whether {@code path} fits {@code template}: same segments, a {@code {name}} taking any one non-empty segment. */
    static boolean matches(String template, String path) {
        String[] want = template.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean parameter = want[i].startsWith("{") && want[i].endsWith("}");
            if (parameter ? have[i].isEmpty() : !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** Collects (method, full path) for each route a service declares; nothing is served from it. */
    private static final class Recorder implements HttpRules {
        private final String prefix;
        private final List<Route> routes;

        Recorder(String prefix, List<Route> routes) {
            this.prefix = prefix;
            this.routes = routes;
        }

        @Override
        public HttpRules register(HttpService... services) {
            Arrays.stream(services).forEach(service -> service.routing(this));
            return this;
        }

        @Override
        public HttpRules register(String path, HttpService... services) {
            Recorder nested = new Recorder(join(prefix, path), routes);
            Arrays.stream(services).forEach(service -> service.routing(nested));
            return this;
        }

        @Override
        public HttpRules route(Method method, String path, Handler handler) {
            routes.add(new Route(method, join(prefix, path)));
            return this;
        }

        @Override
        public HttpRules route(HttpRoute route) {
            // A route built by hand has no readable template; every service here declares method and path.
            throw new UnsupportedOperationException("declare routes with a method and a path template");
        }

        /** "/v1/accounts" and "/" is "/v1/accounts", as Helidon serves it. */
        private static String join(String prefix, String path) {
            if (path.equals("/") || path.isEmpty()) {
                return prefix.isEmpty() ? "/" : prefix;
            }
            return prefix + path;
        }
    }
}
