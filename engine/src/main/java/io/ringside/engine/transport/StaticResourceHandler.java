package io.ringside.engine.transport;

import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from the classpath under a root, e.g. {@code web/arena}: {@code GET /app.js} answers
 * with {@code web/arena/app.js}, {@code GET /} with {@code index.html}. Files are read once, on the
 * I/O loop at their first request, then served from memory; unknown paths, {@code ..} segments and
 * methods other than GET/HEAD answer 404.
 */
public final class StaticResourceHandler implements HttpHandler {
    /** The URL path under which {@link #withBrowserClient} serves the browser client package. */
    public static final String BROWSER_CLIENT_PATH = "/ringside/";
    /** Where the engine jar carries that package: the web-root-in-a-jar convention of Servlet 3.0 and WebJars. */
    private static final String BROWSER_CLIENT_ROOT = "META-INF/resources";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "wasm", "application/wasm");

    private final String root;
    private final ClassLoader classLoader;
    private final Map<String, HttpResponse> cache = new ConcurrentHashMap<>();

    private StaticResourceHandler(String root, ClassLoader classLoader) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.classLoader = classLoader;
    }

    /** A handler serving resources under {@code root} (no leading slash) from this class's class loader. */
    public static StaticResourceHandler fromClasspath(String root) {
        return fromClasspath(root, StaticResourceHandler.class.getClassLoader());
    }

    /** A handler serving resources under {@code root} from {@code classLoader}. */
    public static StaticResourceHandler fromClasspath(String root, ClassLoader classLoader) {
        return new StaticResourceHandler(root, classLoader);
    }

    /**
     * A handler serving resources under {@code root} and, for paths under {@code /ringside/} that
     * {@code root} does not have, the browser client package bundled in the engine jar
     * ({@code /ringside/client.js} and its helpers). A file of the same path under {@code root}
     * wins, so a game can pin its own copy.
     */
    public static HttpHandler withBrowserClient(String root) {
        StaticResourceHandler site = fromClasspath(root);
        StaticResourceHandler client = fromClasspath(BROWSER_CLIENT_ROOT);
        return request -> {
            HttpResponse response = site.handle(request);
            if (response != null || !request.path().startsWith(BROWSER_CLIENT_PATH)) {
                return response;
            }
            return client.handle(request);
        };
    }

    @Override
    public HttpResponse handle(UpgradeRequest request) {
        String method = request.method();
        String path = request.path();
        if (!("GET".equals(method) || "HEAD".equals(method)) || path.contains("..") || !path.startsWith("/")) {
            return null;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        HttpResponse cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        // only files that exist are cached: a client asking for random paths must not grow the cache
        HttpResponse loaded = load(file);
        if (loaded != null) {
            cache.putIfAbsent(file, loaded);
        }
        return loaded;
    }

    private HttpResponse load(String file) {
        try (InputStream in = classLoader.getResourceAsStream(root + file)) {
            if (in == null) {
                return null;
            }
            return HttpResponse.of(HttpStatus.OK, contentType(file), ByteBuffer.wrap(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
