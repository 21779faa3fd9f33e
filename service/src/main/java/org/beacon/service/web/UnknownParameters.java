package org.beacon.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.beacon.rules.model.Dictionary;
import org.beacon.service.web.InvalidRequestException;
import org.beacon.service.web.InvalidRequestException.FieldError;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * Refuses, on handlers marked {@link RefusesUnknownParameters}, the query parameters, form fields and file parts
 * the handler does not read. What a handler reads is taken from its own signature ({@code @RequestParam} names, the
 * components of a {@code @ModelAttribute} record), so the two cannot drift apart.
 */
@Component
class UnknownParameters implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RefusesUnknownParameters.class)) {
            return true;
        }
        Set<String> known = known(method);
        Set<String> query = queryNames(request.getQueryString());
        Set<String> form = new LinkedHashSet<>(request.getParameterMap().keySet());
        form.removeAll(query);
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        if (multipart != null) {
            form.addAll(multipart.getMultiFileMap().keySet());
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : query) {
            if (!known.contains(name)) {
                errors.add(new FieldError("?" + name, "unknown query parameter '" + QuotedInput.shorten(name) + "'"
                        + hint(name, known)));
            }
        }
        for (String name : form) {
            if (!known.contains(name)) {
                errors.add(new FieldError("/" + name, "unknown form field '" + QuotedInput.shorten(name) + "'"
                        + hint(name, known)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return true;
    }

    private static String hint(String name, Set<String> known) {
        return (name.length() > 64 ? "" : Dictionary.didYouMean(Dictionary.closest(name, known)))
                + (known.isEmpty() ? "; this takes none" : "; this reads " + String.join(", ", known));
    }

    /** The names a handler reads: its request parameters and the fields of the form record it binds. */
    private static Set<String> known(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : p.getParameterName());
            } else if (p.hasParameterAnnotation(ModelAttribute.class) && p.getParameterType().isRecord()) {
                for (RecordComponent c : p.getParameterType().getRecordComponents()) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    private static Set<String> queryNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            try {
                names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(name); // a malformed escape: refused under the name as sent
            }
        }
        return names;
    }
}
