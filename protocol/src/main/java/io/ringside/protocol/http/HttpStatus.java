package io.ringside.protocol.http;

/**
 * The HTTP status codes a WebSocket server answers with, and their reason phrases.
 */
public final class HttpStatus {
    /** 101: the upgrade to WebSocket is accepted. */
    public static final int SWITCHING_PROTOCOLS = 101;
    /** 200: a plain HTTP request succeeded. */
    public static final int OK = 200;
    /** 202: a request was taken and will be carried out later (e.g. on a room's tick thread). */
    public static final int ACCEPTED = 202;
    /** 400: the request is malformed or not a valid upgrade. */
    public static final int BAD_REQUEST = 400;
    /** 401: the request carries no valid credentials (an auth hook refused it). */
    public static final int UNAUTHORIZED = 401;
    /** 403: refused, e.g. an Origin not in the allowlist. */
    public static final int FORBIDDEN = 403;
    /** 404: no endpoint or resource at that path. */
    public static final int NOT_FOUND = 404;
    /** 405: the method is not supported for the resource. */
    public static final int METHOD_NOT_ALLOWED = 405;
    /** 408: the request did not arrive within the handshake timeout. */
    public static final int REQUEST_TIMEOUT = 408;
    /** 414: the request line is too long. */
    public static final int URI_TOO_LONG = 414;
    /** 426: wrong Sec-WebSocket-Version; the response names version 13. */
    public static final int UPGRADE_REQUIRED = 426;
    /** 431: the header section is too large or has too many fields. */
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;
    /** 500: the server failed. */
    public static final int INTERNAL_SERVER_ERROR = 500;
    /** 503: the server is at capacity or shutting down. */
    public static final int SERVICE_UNAVAILABLE = 503;

    private HttpStatus() {
    }

    /** The reason phrase for {@code status}, e.g. {@code "Switching Protocols"}; {@code "Unknown"} otherwise. */
    public static String reasonPhrase(int status) {
        switch (status) {
            case SWITCHING_PROTOCOLS: return "Switching Protocols";
            case OK: return "OK";
            case ACCEPTED: return "Accepted";
            case BAD_REQUEST: return "Bad Request";
            case UNAUTHORIZED: return "Unauthorized";
            case FORBIDDEN: return "Forbidden";
            case NOT_FOUND: return "Not Found";
            case METHOD_NOT_ALLOWED: return "Method Not Allowed";
            case REQUEST_TIMEOUT: return "Request Timeout";
            case URI_TOO_LONG: return "URI Too Long";
            case UPGRADE_REQUIRED: return "Upgrade Required";
            case REQUEST_HEADER_FIELDS_TOO_LARGE: return "Request Header Fields Too Large";
            case INTERNAL_SERVER_ERROR: return "Internal Server Error";
            case SERVICE_UNAVAILABLE: return "Service Unavailable";
            default: return "Unknown";
        }
    }
}
