package io.longlink.client.driver.fault;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** An HTTP client that passes everything on, except that its WebSocket builders go through {@code builders}. */
final class ForwardingHttpClient extends HttpClient {

  private final HttpClient real;
  private final UnaryOperator<WebSocket.Builder> builders;

  ForwardingHttpClient(HttpClient real, UnaryOperator<WebSocket.Builder> builders) {
    this.real = real;
    this.builders = builders;
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return builders.apply(real.newWebSocketBuilder());
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return real.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return real.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return real.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return real.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return real.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return real.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return real.authenticator();
  }

  @Override
  public Version version() {
    return real.version();
  }

  @Override
  public Optional<Executor> executor() {
    return real.executor();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return real.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return real.sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return real.sendAsync(request, handler, pushPromiseHandler);
  }
}
