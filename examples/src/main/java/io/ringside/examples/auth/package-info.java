/** Token auth at the WebSocket upgrade: HMAC-signed JWTs issued by a route and checked by an auth hook. */
package io.ringside.examples.auth;
