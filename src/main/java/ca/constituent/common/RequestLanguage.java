package ca.constituent.common;

import io.vertx.core.http.HttpServerRequest;

/** The language a request asks for: {@code ?lang=} first, then {@code Accept-Language}, else English. */
public final class RequestLanguage {

    private RequestLanguage() {
    }

    public static Language of(HttpServerRequest request) {
        if (request == null) {
            return Language.EN;
        }
        String lang;
        try {
            lang = request.getParam("lang");
        } catch (IllegalArgumentException badlyEncodedQuery) {
            lang = null;
        }
        return of(lang, request.getHeader("Accept-Language"));
    }

    public static Language of(String langParam, String acceptLanguage) {
        return Language.parse(langParam).orElseGet(() -> Language.fromAcceptLanguage(acceptLanguage));
    }
}
