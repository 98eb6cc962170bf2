package io.ringside.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP requests to a server under test on loopback through the JDK's client, with an optional bearer token. */
final class BearerHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BearerHttp() {
    }

    /**
     * {@code method path} without a body to {@code 127.0.0.1:port}, carrying
     * {@code Authorization: Bearer <bearer>} unless {@code bearer} is null.
     */
    static HttpResponse<String> send(int port, String method, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
